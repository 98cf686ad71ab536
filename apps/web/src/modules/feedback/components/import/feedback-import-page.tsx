import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Button, Card, FileButton, Group, Loader, Select, Stack, Switch, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconFileUpload } from '@tabler/icons-react';
import { FileDropZone } from '../../../../app/components/file-drop-zone.tsx';
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  type FeedbackImportMapping,
  type FeedbackImportPreview,
  type FeedbackImportResult,
  type FeedbackKind,
} from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { FormError } from '../../../../app/kit/index.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useImportPreview, useRunImport } from '../../hooks/use-feedback-import.ts';
import { plural } from '../shared/theme-bits.tsx';
import { ImportMapping, ImportRowsPreview } from './import-mapping.tsx';
import { CheckOutcome, ImportDone } from './import-outcome.tsx';

/** A default server's upload limit (TANDEM_IMPORT_MAX_BYTES), checked here so a big file fails at once. */
const MAX_BYTES = 150 * 1024 * 1024;

interface Loaded {
  file: File;
  preview: FeedbackImportPreview;
  mapping: FeedbackImportMapping;
}

/** Drop a CSV, say which column is which, check it, import it; undo stays at hand. */
export function FeedbackImportPage() {
  const ws = useWorkspace();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [defaultKind, setDefaultKind] = useState<FeedbackKind>('pain_point');
  const [check, setCheck] = useState<FeedbackImportResult | null>(null);
  const [done, setDone] = useState<FeedbackImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const preview = useImportPreview(ws.slug, (p, file) => {
    setLoaded({ file, preview: p, mapping: p.mapping });
    setCheck(null);
    setDone(null);
  });
  const run = useRunImport(ws.slug, (result) => {
    if (result.dryRun) {
      setCheck(result);
      return;
    }
    // With problems and "skip" off the server wrote nothing: that is a check, not a result.
    if (result.created === 0 && result.rejected.length > 0) setCheck(result);
    else setDone(result);
  });
  /** Checks (`dryRun`) or imports the loaded file as mapped. */
  const runImport = (dryRun: boolean) =>
    run.mutate({ file: loaded!.file, mapping: loaded!.mapping, dryRun, skipInvalid: dryRun ? false : skipInvalid, defaultKind });

  function choose(file: File) {
    setFileError(null);
    if (file.size > MAX_BYTES) return setFileError(`${file.name} is larger than 150 MB, the upload limit. Split it into smaller files.`);
    if (file.size === 0) return setFileError(`${file.name} is empty.`);
    preview.mutate(file);
  }

  function startOver() {
    setLoaded(null);
    setCheck(null);
    setDone(null);
    setSkipInvalid(false);
    preview.reset();
    run.reset();
  }

  const hasText = !!loaded && Object.values(loaded.mapping).includes('text');
  const hasKind = !!loaded && Object.values(loaded.mapping).includes('kind');
  // After a check that found problems, importing with "skip" off would refuse the file again.
  const blocked = !!check && check.rejected.length > 0 && (!skipInvalid || check.rows === check.rejected.length);
  const back = (
    <Anchor component={Link} to={`/w/${ws.slug}/feedback`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} /> Feedback
    </Anchor>
  );

  return (
    <>
      {back}
      <PageHeader
        title="Import feedback"
        description="Bring in feedback collected elsewhere: a spreadsheet of call notes, a survey export, win/loss interviews. One row per piece of feedback."
      />
      {done ? (
        <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <ImportDone result={done} fileName={loaded?.file.name ?? 'feedback.csv'} onUndone={startOver} onAnother={startOver} />
        </Card>
      ) : !loaded ? (
        <Stack gap="md">
          <DropArea busy={preview.isPending} onFile={choose} />
          {(fileError || preview.error) && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The file could not be read" role="alert">
              {fileError ?? errorMessage(preview.error)}
            </Alert>
          )}
        </Stack>
      ) : (
        <Stack gap="md">
          <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="sm">
              <Group justify="space-between" gap="xs">
                <Title order={3} size="h4">
                  {loaded.file.name}
                </Title>
                <Button variant="subtle" size="xs" onClick={startOver}>
                  Choose another file
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                {plural(loaded.preview.totalRows, 'row')}. Tell Tandem which column holds what; only the feedback text is required.
              </Text>
              <ImportMapping
                preview={loaded.preview}
                mapping={loaded.mapping}
                onChange={(mapping) => {
                  setLoaded({ ...loaded, mapping });
                  setCheck(null);
                }}
              />
              {!hasText && (
                <Text size="sm" c="red" role="alert">
                  Choose the column that holds the feedback text.
                </Text>
              )}
              <Select
                label="Kind of rows without one"
                description={hasKind ? 'Rows whose kind cell is empty get this kind.' : 'No column gives the kind, so every row gets this one.'}
                data={FEEDBACK_KINDS.map((k) => ({ value: k, label: FEEDBACK_KIND_LABELS[k] }))}
                value={defaultKind}
                allowDeselect={false}
                onChange={(v) => {
                  setDefaultKind((v as FeedbackKind | null) ?? 'pain_point');
                  setCheck(null);
                }}
                w={{ base: '100%', sm: 320 }}
              />
            </Stack>
          </Card>

          {hasText && (
            <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <Stack gap="sm">
                <Title order={3} size="h4">
                  First rows
                </Title>
                <ImportRowsPreview preview={loaded.preview} mapping={loaded.mapping} />
              </Stack>
            </Card>
          )}

          <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="md">
              <FormError message={run.error ? errorMessage(run.error) : null} />
              {check && <CheckOutcome result={check} fileName={loaded.file.name} />}
              {check && !check.dryRun && check.rejected.length > 0 && (
                <Text size="sm" c="dimmed">
                  Nothing was imported.
                </Text>
              )}
              <Switch
                checked={skipInvalid}
                onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
                label="Skip rows with problems"
                description="Import the rows that are fine and list the others. Off: any problem stops the whole import, so nothing half-arrives."
              />
              <Group gap="sm">
                <Button variant={check ? 'default' : 'filled'} disabled={!hasText} loading={run.isPending && run.variables?.dryRun === true} onClick={() => runImport(true)}>
                  Check
                </Button>
                <Button
                  variant={check && !blocked ? 'filled' : 'default'}
                  disabled={!hasText || blocked || (run.isPending && run.variables?.dryRun === true)}
                  loading={run.isPending && run.variables?.dryRun === false}
                  onClick={() => runImport(false)}
                >
                  Import {plural(importable(loaded.preview.totalRows, check, skipInvalid), 'row')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                Check reads the whole file and changes nothing. An import can be undone afterwards.
              </Text>
            </Stack>
          </Card>
        </Stack>
      )}
    </>
  );
}

/** How many rows the Import button would add, as far as the last check knows. */
function importable(total: number, check: FeedbackImportResult | null, skipInvalid: boolean): number {
  if (!check) return total;
  return skipInvalid ? check.rows - check.rejected.length : check.rows;
}

function DropArea({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  return (
    <FileDropZone busy={busy} onFile={onFile} label="Upload a CSV of feedback">
      <Stack gap="sm" align="center" ta="center">
        <ThemeIcon size={52} radius="xl" variant="light">
          {busy ? <Loader size="sm" /> : <IconFileUpload size={28} />}
        </ThemeIcon>
        <Title order={3} fz="lg">
          {busy ? 'Reading the file…' : 'Drop a CSV of feedback here'}
        </Title>
        <Text size="sm" c="dimmed" maw={560}>
          A header row, then one row per piece of feedback. Only a column with the feedback itself is required; kind, customer
          quote, deal, account, competitor, date, who heard it and source are used when present. You check the columns before
          anything is imported.
        </Text>
        <FileButton onChange={(f) => f && onFile(f)} accept=".csv,.tsv,.txt,text/csv,text/plain">
          {(props) => (
            <Button {...props} leftSection={<IconFileUpload size={18} />} mt={4} disabled={busy}>
              Choose a file
            </Button>
          )}
        </FileButton>
      </Stack>
    </FileDropZone>
  );
}

