import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';

/** How long "Undo" stays offered after a change that has no server-side window of its own (moves, accepts, merges). */
export const UNDO_MS = 8000;

/**
 * A toast that says what happened and offers "Undo" for a few seconds. `undo` runs the inverse change and
 * answers with what to say afterwards; the toast closes itself once the window has passed.
 */
export function notifyUndoable({ title, message, undo, ms = UNDO_MS }: { title: string; message: string; undo: () => Promise<string>; ms?: number }) {
  const id = `undo-${Math.random().toString(36).slice(2)}`;
  let busy = false;
  const onUndo = async () => {
    if (busy) return;
    busy = true;
    notifications.hide(id);
    try {
      notifySuccess(await undo(), 'Undone');
    } catch (err) {
      notifyError(err, 'Could not undo');
    }
  };
  notifications.show({
    id,
    color: 'teal',
    title,
    autoClose: Math.max(1000, ms),
    closeButtonProps: { 'aria-label': 'Dismiss' },
    message: (
      <Group justify="space-between" gap="sm" wrap="nowrap" align="center">
        <Text size="sm" c="var(--mantine-color-text)">
          {message}
        </Text>
        {/* Never squeezed by a long message (it read "U" on a phone). */}
        <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => void onUndo()}>
          Undo
        </Button>
      </Group>
    ),
  });
}
