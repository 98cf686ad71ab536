import { Alert, Badge, CloseButton, Group, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { Delivery, TestResult } from '@tandem/contracts';

export type DeliveryStatus = Delivery['status'];

export const STATUS_LOOK: Record<DeliveryStatus, { color: string; label: string; hint: string }> = {
  pending: { color: 'blue', label: 'Pending', hint: 'Waiting to be sent or to be tried again' },
  delivered: { color: 'teal', label: 'Delivered', hint: 'The receiver accepted it' },
  failed: { color: 'orange', label: 'Failed', hint: 'The last try failed; Tandem tries again later' },
  dead: { color: 'red', label: 'Gave up', hint: 'Every retry failed; Tandem stopped trying' },
  discarded: { color: 'gray', label: 'Discarded', hint: 'An admin chose not to send it' },
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant="light" tt="none" title={look.hint} style={{ flexShrink: 0 }}>
      {look.label}
    </Badge>
  );
}

/** What a "Send test" answered, in words. */
export function TestResultAlert({ target, result, onClose }: { target: string; result: TestResult; onClose: () => void }) {
  const code = result.statusCode ? `HTTP ${result.statusCode}, ` : '';
  return (
    <Alert
      color={result.ok ? 'teal' : 'red'}
      variant="light"
      role="status"
      icon={result.ok ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
      title={result.ok ? `Test delivered to ${target}` : `Test to ${target} failed`}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">
          {result.ok
            ? `The receiver answered (${code}${result.durationMs} ms).`
            : `${result.error ?? 'The receiver refused it.'} (${code}${result.durationMs} ms)`}
        </Text>
        <CloseButton size="sm" onClick={onClose} aria-label="Close test result" />
      </Group>
    </Alert>
  );
}
