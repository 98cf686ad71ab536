import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import type { FeedbackImportResult } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { ConfirmModal } from '../../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { RefusedLines } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useUndoImport } from '../../hooks/use-feedback-import.ts';
import { plural } from '../shared/theme-bits.tsx';

/** The lines the import refuses, one row per reason, with their download. */
function RejectedLines({ rejected, fileName }: { rejected: FeedbackImportResult['rejected']; fileName: string }) {
  const lines = rejected.flatMap((r) => r.errors.map((message) => ({ line: r.line, message })));
  return <RefusedLines title="Rows with problems" titleOrder={4} fileName={fileName} lines={lines} />;
}

/** What a check would do: all good, or which rows stand in the way. */
export function CheckOutcome({ result, fileName }: { result: FeedbackImportResult; fileName: string }) {
  const bad = result.rejected.length;
  if (bad === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={`All ${plural(result.rows, 'row')} can be imported`}>
        Nothing was written yet. Press Import to add them.
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={`${plural(bad, 'row')} of ${result.rows} cannot be imported`}>
        <Text size="sm">
          {bad === result.rows
            ? 'Fix them in the file (or the columns above) and check again.'
            : `Fix them in the file and choose it again, or turn on “Skip rows with problems” to import the other ${plural(result.rows - bad, 'row')}.`}
        </Text>
      </Alert>
      <RejectedLines rejected={result.rejected} fileName={fileName} />
    </Stack>
  );
}

interface DoneProps {
  result: FeedbackImportResult;
  /** The uploaded file's name, for the refused lines' download. */
  fileName: string;
  onUndone: () => void;
  onAnother: () => void;
}

/** After the import: what was added, what was skipped, and a way back. */
export function ImportDone({ result, fileName, onUndone, onAnother }: DoneProps) {
  const ws = useWorkspace();
  const [asking, setAsking] = useState(false);
  const undo = useUndoImport(ws.slug, ({ removed }) => {
    setAsking(false);
    notifySuccess(`${plural(removed, 'item')} removed.`, 'Import undone');
    onUndone();
  });
  const skipped = result.rejected.length;
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={`${plural(result.created, 'item')} imported`}>
        <List size="sm" spacing={2} aria-label="Import result">
          <List.Item>{plural(result.created, 'item')} added to the feedback inbox</List.Item>
          <List.Item>
            {result.autoAssigned > 0
              ? `${plural(result.autoAssigned, 'item')} filed under existing themes on their own`
              : 'none matched an existing theme closely enough to be filed on its own'}
          </List.Item>
          {skipped > 0 && <List.Item>{plural(skipped, 'row')} skipped for problems (below)</List.Item>}
        </List>
      </Alert>
      {skipped > 0 && <RejectedLines rejected={result.rejected} fileName={fileName} />}
      <Group gap="sm">
        <Button component={Link} to={`/w/${ws.slug}/feedback?theme=none`}>
          Triage the new feedback
        </Button>
        {result.batchId && (
          <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} />} onClick={() => {
              undo.reset();
              setAsking(true);
            }}>
            Undo import
          </Button>
        )}
        <Button variant="subtle" onClick={onAnother}>
          Import another file
        </Button>
      </Group>
      <ConfirmModal
        opened={asking}
        title="Undo this import?"
        confirmLabel="Undo import"
        danger
        loading={undo.isPending}
        error={undo.error ? errorMessage(undo.error) : null}
        onConfirm={() => undo.mutate(result.batchId!)}
        onClose={() => setAsking(false)}
      >
        {`The ${plural(result.created, 'item')} this import added are deleted, with their places in themes. Feedback logged by hand is not touched.`}
      </ConfirmModal>
    </Stack>
  );
}
