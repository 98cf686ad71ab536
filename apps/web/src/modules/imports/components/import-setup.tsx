import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { DateFormat, ImportDetail } from '@tandem/contracts';
import { errorMessage, isApiError } from '../../../app/api-error.ts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { QueryError } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { missingFields, requestOf, sourceError, useImportSetup } from '../hooks/use-import-setup.ts';
import { usePendingImport } from '../hooks/use-pending-import.ts';
import { fieldLabel, nothingToImport, problemForTheWeb } from './import-fields.ts';
import { fieldOf } from './mapping.ts';
import { ColumnsStep, FileStep, RowsStep, StartStep, ValuesStep } from './setup-steps.tsx';

/** A pending upload: check what the file is and how its columns map, look at the first rows, start. */
export function ImportSetup({ detail }: { detail: ImportDetail }) {
  const ws = useWorkspace();
  const setup = useImportSetup(ws.slug, detail.id);
  const { choices, preview } = setup;
  const { start, discard } = usePendingImport(ws.slug, detail.id);
  const [discarding, setDiscarding] = useState(false);

  const discardModal = (
    <ConfirmModal
      opened={discarding}
      title="Discard this upload?"
      confirmLabel="Discard upload"
      danger
      loading={discard.isPending}
      error={discard.error ? errorMessage(discard.error) : null}
      onConfirm={() => discard.mutate()}
      onClose={() => setDiscarding(false)}
    >
      {`${detail.fileName} is deleted from the server. Nothing was imported from it.`}
    </ConfirmModal>
  );

  if (preview.isError && !preview.data) {
    return (
      <UnreadableUpload error={preview.error} onRetry={() => void preview.refetch()} discard={discard} onDiscard={() => setDiscarding(true)}>
        {discardModal}
      </UnreadableUpload>
    );
  }
  if (!choices || !preview.data) {
    return (
      <Group gap="sm" py="xl" justify="center">
        <Loader size="sm" />
        <Text c="dimmed">Reading the first rows of {detail.fileName}…</Text>
      </Group>
    );
  }

  const p = preview.data;
  const mapping = choices.format === 'csv' ? choices.mapping : null;
  const fieldFor = (header: string) => (mapping ? fieldOf(mapping, header) : (p.columns.find((c) => c.header === header)?.field ?? null));
  const missing = missingFields(choices);
  const badSource = sourceError(choices.source);
  const checking = preview.isFetching || !setup.upToDate;
  const problem = !missing.length && setup.upToDate && p.problem ? problemForTheWeb(p.problem, 'Choose the date order in step 3.') : null;
  // Every checked row would be skipped: said plainly, and the import is not offered (the server refuses it too).
  const nothing = !missing.length && !badSource && setup.upToDate && !problem && !checking ? nothingToImport(p) : null;
  const blocker = badSource
    ? 'Fix the source name first.'
    : missing.length
      ? `Choose the column for ${missing.map(fieldLabel).join(' and ')}.`
      : preview.isError
        ? errorMessage(preview.error)
        : checking
          ? 'Checking the first rows…'
          : problem
            ? 'Fix the problem shown above first.'
            : nothing
              ? 'No row of this file can be imported (see step 4).'
              : null;

  function setDateFormat(d: DateFormat | null) {
    if (choices?.format !== 'csv') return setup.update({ dateFormat: d });
    if (!mapping) return;
    const { dateFormat: _old, ...rest } = mapping;
    setup.setMapping(d ? { ...rest, dateFormat: d } : rest);
  }

  return (
    <Stack gap="lg">
      <FileStep preview={p} choices={choices} sourceError={badSource} onFormat={setup.setFormat} onSource={setup.setSource} />
      <ColumnsStep preview={p} choices={choices} onMapping={setup.setMapping} />
      <ValuesStep preview={p} choices={choices} fieldFor={fieldFor} problem={problem} onMapping={setup.setMapping} onDateFormat={setDateFormat} />
      <RowsStep
        preview={p}
        fieldFor={fieldFor}
        missing={missing}
        problem={problem}
        checking={checking}
        nothing={nothing}
        error={preview.isError ? preview.error : null}
        onRetry={() => void preview.refetch()}
        strict={choices.strict}
      />
      <StartStep
        choices={choices}
        onOptions={setup.update}
        blocker={blocker}
        nothingToImport={!!nothing}
        starting={start.isPending}
        startError={start.error}
        onStart={() => start.mutate(requestOf(choices, true))}
        onDiscard={() => setDiscarding(true)}
      />
      {discardModal}
    </Stack>
  );
}

/** The preview failed before showing anything: the file is gone, cannot be read at all, or the server did not answer. */
function UnreadableUpload(props: {
  error: unknown;
  onRetry: () => void;
  discard: ReturnType<typeof usePendingImport>['discard'];
  onDiscard: () => void;
  children: ReactNode;
}) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const status = isApiError(props.error) ? props.error.status : 0;
  const gone = status === 410;
  // 400: the file itself cannot be read, so keeping it serves nothing.
  const unusable = status === 400;
  return (
    <Stack gap="md">
      <QueryError
        error={props.error}
        title={gone ? 'The uploaded file is gone' : unusable ? 'This file cannot be imported' : 'Could not read the file'}
        onRetry={gone || unusable ? undefined : props.onRetry}
      />
      <Group>
        {gone ? (
          <Button onClick={() => navigate(`/w/${ws.slug}/imports`)}>Upload again</Button>
        ) : unusable ? (
          <Button onClick={() => props.discard.mutate()} loading={props.discard.isPending}>
            Upload another file
          </Button>
        ) : (
          <Button variant="default" leftSection={<IconTrash size={16} />} onClick={props.onDiscard}>
            Discard upload
          </Button>
        )}
      </Group>
      {props.discard.error && <QueryError error={props.discard.error} title="The upload was not discarded" />}
      {props.children}
    </Stack>
  );
}
