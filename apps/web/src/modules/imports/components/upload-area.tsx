import type { ReactNode } from 'react';
import { FileDropZone } from '../../../app/components/file-drop-zone.tsx';
import { Alert, Button, FileButton, Group, Paper, Progress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCloud, IconFileSpreadsheet, IconFileUpload, IconTable } from '@tabler/icons-react';
import type { UploadState } from '../hooks/use-upload.ts';
import { formatBytes } from './import-fields.ts';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface UploadAreaProps {
  upload: UploadState | null;
  error: string | null;
  onFile: (file: File) => void;
  onCancel: () => void;
}

/** Drop a file or pick one; nothing is imported until the next page starts it. */
export function UploadArea({ upload, error, onFile, onCancel }: UploadAreaProps) {
  return (
    <Stack gap="md">
      <FileDropZone busy={!!upload} onFile={onFile} label="Upload a file to import">
        {upload ? (
          <Stack gap="sm" maw={520} mx="auto" aria-live="polite">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} truncate>
                Uploading {upload.file.name}
              </Text>
              <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                {Math.round(upload.progress * 100)}% of {formatBytes(upload.file.size)}
              </Text>
            </Group>
            <Progress value={upload.progress * 100} animated aria-label="Upload progress" />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                Next you check the columns; nothing is imported yet.
              </Text>
              <Button variant="subtle" color="gray" size="xs" onClick={onCancel}>
                Cancel
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm" align="center" ta="center">
            <ThemeIcon size={52} radius="xl" variant="light">
              <IconFileUpload size={28} />
            </ThemeIcon>
            <Title order={3} fz="lg">
              Drop a deals export here
            </Title>
            <Text size="sm" c="dimmed" maw={520}>
              A CSV or XLSX file of up to 150 MB, one row per deal. You check the columns and the first rows before
              anything is imported.
            </Text>
            <FileButton onChange={(f) => f && onFile(f)} accept={ACCEPT}>
              {(props) => (
                <Button {...props} leftSection={<IconFileUpload size={18} />} mt={4}>
                  Choose a file
                </Button>
              )}
            </FileButton>
          </Stack>
        )}
      </FileDropZone>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The file was not uploaded" role="alert">
          {error}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <ExportHint icon={<IconCloud size={20} />} title="Salesforce report">
          Build an Opportunities report with the columns Opportunity ID, Stage, Amount and Close Date (add Account
          Name, Owner and anything else you track), then Export → Details Only → Comma Delimited .csv.
        </ExportHint>
        <ExportHint icon={<IconFileSpreadsheet size={20} />} title="HubSpot deals export">
          In Deals, open the view you want, then Export and pick CSV or XLSX. The export carries Record ID, Deal Stage,
          Amount and Close Date; include the associated company for accounts.
        </ExportHint>
        <ExportHint icon={<IconTable size={20} />} title="Any other CSV">
          Comma, semicolon or tab separated, with a header row, a unique ID per deal and a stage. You tell Tandem which
          column is which on the next step; the mapping is remembered for next time.
        </ExportHint>
      </SimpleGrid>
    </Stack>
  );
}

function ExportHint({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="xs" mb={6} wrap="nowrap">
        <ThemeIcon variant="light" color="gray" size="md">
          {icon}
        </ThemeIcon>
        <Text fw={600} size="sm">
          {title}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Paper>
  );
}
