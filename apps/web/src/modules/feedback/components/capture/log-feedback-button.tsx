import { ActionIcon, Button, Group, Kbd, Tooltip, type ButtonProps } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { usePhone } from '../../../../app/use-phone.ts';
import { QUICK_LOG_KEY, useQuickLog, type QuickLogPrefill } from './quick-log-context.ts';

const shortcut = (
  <Group gap={6} wrap="nowrap">
    Log what a customer said <Kbd size="xs">{QUICK_LOG_KEY}</Kbd>
  </Group>
);

/** The header's button: always in reach, with the key that does the same. */
export function HeaderLogFeedbackButton() {
  const quickLog = useQuickLog();
  const phone = usePhone();
  if (!quickLog.canLog) return null;
  if (phone) {
    return (
      <ActionIcon variant="light" size="lg" radius="xl" aria-label="Log feedback" onClick={quickLog.openHere}>
        <IconMessagePlus size={20} stroke={1.6} />
      </ActionIcon>
    );
  }
  return (
    <Tooltip label={shortcut} withArrow position="bottom">
      <Button variant="light" size="sm" leftSection={<IconMessagePlus size={16} />} onClick={quickLog.openHere} aria-keyshortcuts="l">
        Log feedback
      </Button>
    </Tooltip>
  );
}

/** "Log feedback" on a record's page: the form opens linked to it. */
export function LogFeedbackButton({ prefill, ...props }: { prefill?: QuickLogPrefill } & ButtonProps) {
  const quickLog = useQuickLog();
  if (!quickLog.canLog) return null;
  return (
    <Button leftSection={<IconMessagePlus size={16} />} onClick={() => quickLog.open(prefill)} {...props}>
      Log feedback
    </Button>
  );
}
