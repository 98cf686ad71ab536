import { useState } from 'react';
import { Button, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ImportDetail } from '@tandem/contracts';
import { errorMessage } from '../../../app/api-error.ts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useUndoImport } from '../hooks/use-imports.ts';
import { plural } from './import-fields.ts';

/** Undo, with a confirmation; disabled with the reason when the import cannot be undone. */
export function UndoImport({ detail }: { detail: ImportDetail }) {
  const ws = useWorkspace();
  const [asking, setAsking] = useState(false);
  const undo = useUndoImport(ws.slug, detail.id, () => {
    setAsking(false);
    notifySuccess(`The deals are as they were before ${detail.fileName}.`, 'Import undone');
  });
  const r = detail.result;
  const why = detail.dryRun
    ? 'A dry run changed nothing, so there is nothing to undo.'
    : `Only the latest import of “${detail.source}” can be undone, so that each undo puts back exactly what it found. Undo the later import first.`;

  const button = (
    <Button
      variant="default"
      color="red"
      leftSection={<IconArrowBackUp size={16} />}
      disabled={!detail.canUndo}
      onClick={() => {
        undo.reset();
        setAsking(true);
      }}
    >
      Undo import
    </Button>
  );

  return (
    <>
      {detail.canUndo ? (
        button
      ) : (
        <Tooltip label={why} multiline w={300} withArrow>
          {/* A disabled button gets no pointer events: the wrapper shows the reason. */}
          <span tabIndex={0} aria-label={`Undo import is unavailable. ${why}`}>
            {button}
          </span>
        </Tooltip>
      )}
      <ConfirmModal
        opened={asking}
        title="Undo this import?"
        confirmLabel="Undo import"
        danger
        loading={undo.isPending}
        error={undo.error ? errorMessage(undo.error) : null}
        onConfirm={() => undo.mutate()}
        onClose={() => setAsking(false)}
      >
        <Stack gap="xs">
          <Text size="sm">Everything {detail.fileName} changed is put back, in one step:</Text>
          <Text size="sm" component="ul" m={0} pl="lg">
            {r && r.created > 0 && <li>the {plural(r.created, 'deal')} it created are deleted,</li>}
            {r && r.updated > 0 && <li>the {plural(r.updated, 'deal')} it updated go back to what they were,</li>}
            {r && r.removed > 0 && <li>the {plural(r.removed, 'deal')} it removed come back,</li>}
            <li>accounts it created that no deal uses any more are deleted.</li>
          </Text>
          <Text size="sm" c="dimmed">
            The import stays in the history, marked as undone. To bring the deals back, import the file again.
          </Text>
        </Stack>
      </ConfirmModal>
    </>
  );
}
