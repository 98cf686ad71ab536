import { Fragment } from 'react';
import { ActionIcon, Badge, Button, Code, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { AuditEntry } from '@tandem/contracts';
import { formatDateTime } from '../../../app/kit/format.ts';
import { usePhone } from '../../../app/use-phone.ts';
import { actionLabel } from './audit-actions.ts';

const VIA_LABELS: Record<AuditEntry['actor']['via'], string | null> = {
  session: null,
  token: 'API token',
  cli: 'CLI',
  system: 'System',
};

interface AuditEntriesProps {
  rows: AuditEntry[];
  tz: string;
  expanded: Set<string>;
  onToggle: (id: string) => void;
}

/** Audit entries as a table, or cards on a phone; entries with details open to show them. */
export function AuditEntries({ rows, tz, expanded, onToggle }: AuditEntriesProps) {
  const phone = usePhone();
  if (phone) {
    return (
      <Stack gap="xs">
        {rows.map((e) => (
          <AuditCard key={e.id} entry={e} tz={tz} open={expanded.has(e.id)} onToggle={() => onToggle(e.id)} />
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Person</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>IP address</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <AuditRow key={e.id} entry={e} tz={tz} open={expanded.has(e.id)} onToggle={() => onToggle(e.id)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function actorName(entry: AuditEntry): string {
  return entry.actor.name ?? (entry.actor.via === 'system' ? 'Tandem' : 'Unknown');
}

function targetText(entry: AuditEntry): string | null {
  return entry.targetLabel ?? (entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}`.trim() : null);
}

function AuditCard({ entry, tz, open, onToggle }: { entry: AuditEntry; tz: string; open: boolean; onToggle: () => void }) {
  const via = VIA_LABELS[entry.actor.via];
  const target = targetText(entry);
  const hasDetails = Object.keys(entry.details).length > 0;
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600}>
            {actionLabel(entry.action)}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(entry.createdAt, tz)}
          </Text>
        </Group>
        <Text size="sm">
          {actorName(entry)}
          {via ? ` (${via})` : ''}
          {target ? ` → ${target}` : ''}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {entry.action}
          {entry.ip ? ` · ${entry.ip}` : ''}
        </Text>
        {hasDetails && (
          <Button variant="subtle" size="compact-xs" w="fit-content" px={0} onClick={onToggle} aria-expanded={open}>
            {open ? 'Hide details' : 'Show details'}
          </Button>
        )}
        {open && hasDetails && <Code block>{JSON.stringify(entry.details, null, 2)}</Code>}
      </Stack>
    </Paper>
  );
}

function AuditRow({ entry, tz, open, onToggle }: { entry: AuditEntry; tz: string; open: boolean; onToggle: () => void }) {
  const via = VIA_LABELS[entry.actor.via];
  const hasDetails = Object.keys(entry.details).length > 0;
  const target = targetText(entry);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          {hasDetails && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              onClick={onToggle}
              aria-expanded={open}
              aria-label={open ? 'Hide details' : 'Show details'}
            >
              {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(entry.createdAt, tz)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{actorName(entry)}</Text>
            {via && (
              <Badge size="xs" variant="light" color="gray" tt="none">
                {via}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{actionLabel(entry.action)}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {entry.action}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{target ?? '—'}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {entry.ip ?? '—'}
          </Text>
        </Table.Td>
      </Table.Tr>
      {open && hasDetails && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={5}>
            <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}
