import { useState } from 'react';
import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import type { FeedbackItem } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { ConfirmModal } from '../../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDeleteFeedback } from '../../hooks/use-feedback.ts';
import { useQuickLog } from '../capture/quick-log-context.ts';

/** Edit or delete feedback one logged: a wrong deal or a typo should not need a marketer. */
export function OwnItemActions({ item }: { item: FeedbackItem }) {
  const ws = useWorkspace();
  const quickLog = useQuickLog();
  const remove = useDeleteFeedback(ws.slug);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for “${item.text.slice(0, 40)}”`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => quickLog.open({ item })}>
            Edit
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={() => {
              remove.reset();
              setAsking(true);
            }}
          >
            Delete
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={asking}
        title="Delete this feedback?"
        confirmLabel="Delete"
        danger
        loading={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={() =>
          remove.mutate(item.id, {
            onSuccess: () => {
              setAsking(false);
              notifySuccess('It no longer counts towards its theme.', 'Feedback deleted');
            },
          })
        }
        onClose={() => setAsking(false)}
      >
        <Text size="sm" lineClamp={3}>
          “{item.text}”
        </Text>
      </ConfirmModal>
    </>
  );
}
