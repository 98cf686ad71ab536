import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Button, Card, FileButton, Group, Loader, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconFileUpload } from '@tabler/icons-react';
import {
  TOUCHPOINT_IMPORT_FIELD_LABELS,
  TOUCHPOINT_IMPORT_PRESET_LABELS,
  TOUCHPOINT_IMPORT_REQUIRED,
  type TouchpointImportMapping,
  type TouchpointImportPreview,
  type TouchpointImportResult,
} from '@tandem/contracts';
import { errorMessage } from '../../../app/api-error.ts';
import { FileDropZone } from '../../../app/components/file-drop-zone.tsx';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { ColumnMapping, FormError, RefusedLines } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useRunTouchpointImport, useTouchpointPreview } from '../hooks/use-touchpoint-import.ts';
import { TOUCHPOINT_CATALOGUE, touchpointMappingShape } from './touchpoint-fields.ts';

/** A default server's upload limit (TANDEM_IMPORT_MAX_BYTES), checked here so a big file fails at once. */
const MAX_BYTES = 150 * 1024 * 1024;
const n = (x: number, one: string, many = `${one}s`) => `${x.toLocaleString()} ${x === 1 ? one : many}`;

interface Loaded {
  file: File;
  preview: TouchpointImportPreview;
  mapping: TouchpointImportMapping;
  source: string;
}

/** Drop a CSV of touchpoints (a Salesforce or HubSpot export, or any sheet), check the columns, import; the result says what happened. */
export function TouchpointImportPage() {
  const ws = useWorkspace();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [done, setDone] = useState<TouchpointImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useTouchpointPreview(ws.slug, (p, file) => {
    setLoaded({ file, preview: p, mapping: p.mapping, source: p.source });
    setDone(null);
  });
  const run = useRunTouchpointImport(ws.slug, setDone);

  function choose(file: File) {
    setFileError(null);
    if (file.size > MAX_BYTES) return setFileError(`${file.name} is larger than 150 MB, the upload limit. Split it into smaller files.`);
    if (file.size === 0) return setFileError(`${file.name} is empty.`);
    preview.mutate(file);
  }
  function startOver() {
    setLoaded(null);
    setDone(null);
    preview.reset();
    run.reset();
  }
  const missing = loaded ? TOUCHPOINT_IMPORT_REQUIRED.filter((f) => !Object.values(loaded.mapping).includes(f)) : [];

  return (
    <>
      <Anchor component={Link} to={`/w/${ws.slug}/attribution`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> Attribution
      </Anchor>
      <PageHeader
        title="Import touchpoints"
        description="Bring in campaign responses and activities from a Salesforce Campaign Member or Campaign Influence report, a HubSpot activity export with UTM fields, or any spreadsheet. One row per touchpoint on a deal."
      />
      {done ? (
        <ImportResult result={done} onAnother={startOver} />
      ) : !loaded ? (
        <Stack gap="md">
          <FileDropZone busy={preview.isPending} onFile={choose} label="Upload a CSV of touchpoints">
            <Stack gap="sm" align="center" ta="center">
              <ThemeIcon size={52} radius="xl" variant="light">
                {preview.isPending ? <Loader size="sm" /> : <IconFileUpload size={28} />}
              </ThemeIcon>
              <Title order={2} fz="lg">
                {preview.isPending ? 'Reading the file…' : 'Drop a CSV of touchpoints here'}
              </Title>
              <Text size="sm" c="dimmed" maw={560}>
                A header row, then one row per touchpoint: its id in the source, the deal (id or name) and the date are required; team, kind and
                campaign (or UTM fields) are used when present. You check the columns before anything is imported.
              </Text>
              <FileButton onChange={(f) => f && choose(f)} accept=".csv,.tsv,.txt,text/csv,text/plain">
                {(props) => (
                  <Button {...props} leftSection={<IconFileUpload size={18} />} mt={4} disabled={preview.isPending}>
                    Choose a file
                  </Button>
                )}
              </FileButton>
            </Stack>
          </FileDropZone>
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
                <Title order={2} size="h4" style={{ wordBreak: 'break-word' }}>
                  {loaded.file.name}
                </Title>
                <Button variant="subtle" size="xs" onClick={startOver}>
                  Choose another file
                </Button>
              </Group>
              <Text size="sm">
                {n(loaded.preview.totalRows, 'row')}. It looks like: <b>{TOUCHPOINT_IMPORT_PRESET_LABELS[loaded.preview.preset]}</b>. Check which column holds what.
              </Text>
              <ColumnMapping
                catalogue={TOUCHPOINT_CATALOGUE}
                shape={touchpointMappingShape}
                mapping={loaded.mapping}
                onChange={(mapping) => setLoaded({ ...loaded, mapping })}
                headers={loaded.preview.columns}
                rows={loaded.preview.rows}
              />
              {missing.length > 0 && (
                <Text size="sm" c="red" role="alert">
                  Choose a column for: {missing.map((f) => TOUCHPOINT_IMPORT_FIELD_LABELS[f]).join(', ')}.
                </Text>
              )}
              <TextInput
                label="Source"
                description="Touchpoints are kept by source and id: importing the same file again updates them instead of adding them twice."
                value={loaded.source}
                onChange={(e) => setLoaded({ ...loaded, source: e.currentTarget.value })}
                w={{ base: '100%', sm: 320 }}
              />
            </Stack>
          </Card>
          <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="sm">
              <FormError message={run.error ? errorMessage(run.error) : null} />
              <Group gap="sm">
                <Button
                  disabled={missing.length > 0 || !loaded.source.trim()}
                  loading={run.isPending}
                  onClick={() => run.mutate({ file: loaded.file, mapping: loaded.mapping, preset: loaded.preview.preset, source: loaded.source.trim() })}
                >
                  Import {n(loaded.preview.totalRows, 'row')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                Rows that cannot be imported (a deal not found in this workspace, a date in the future after the deal closed, an unknown team, a date
                that cannot be read) are listed with their line; the others are imported together, or none are if something fails.
              </Text>
            </Stack>
          </Card>
        </Stack>
      )}
    </>
  );
}

function ImportResult({ result, onAnother }: { result: TouchpointImportResult; onAnother: () => void }) {
  const ws = useWorkspace();
  const lines = new Set(result.refused.map((r) => r.line)).size;
  return (
    <Stack gap="md">
      <Alert color={lines ? 'yellow' : 'green'} title={`${n(result.created, 'touchpoint')} imported, ${n(result.updated, 'touchpoint')} updated, ${n(lines, 'line')} refused`} role="status">
        <Text size="sm">
          From {result.fileName} ({n(result.rows, 'row')}, kept under the source “{result.source}”). {n(result.dealsMarked, 'deal')}{' '}
          {result.dealsMarked === 1 ? 'is' : 'are'} marked for the ledger, which recomputes changed deals every five minutes; each deal’s page shows its
          touchpoints at once.
          {lines > 0 && ' The refused lines were not imported: fix them in the file and import it again (the others will be updated, not duplicated).'}
        </Text>
      </Alert>
      {lines > 0 && (
        <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <RefusedLines title="Refused lines" fileName={result.fileName} lines={result.refused} />
        </Card>
      )}
      <Group gap="sm">
        <Button onClick={onAnother} variant="default">
          Import another file
        </Button>
        <Button component={Link} to={`/w/${ws.slug}/attribution`} variant="subtle">
          Back to attribution
        </Button>
      </Group>
    </Stack>
  );
}
