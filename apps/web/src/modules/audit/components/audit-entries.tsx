import { ActionIcon, Badge, Button, Code, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { AuditEntry } from '@tandem/contracts';
import { DataTable, formatDateTime, type DataTableColumn } from '../../../app/kit/index.ts';
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
  const open = (e: AuditEntry) => expanded.has(e.id) && hasDetails(e);
  const columns: DataTableColumn<AuditEntry>[] = [
    {
      key: 'details',
      header: <VisuallyHidden>Details</VisuallyHidden>,
      label: 'Details',
      headerProps: { w: 40 },
      hiddenOnPhone: true,
      cell: (e) =>
        hasDetails(e) && (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => onToggle(e.id)}
            aria-expanded={open(e)}
            aria-label={open(e) ? 'Hide details' : 'Show details'}
          >
            {open(e) ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        ),
    },
    {
      key: 'time',
      header: 'Time',
      cell: (e) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(e.createdAt, tz)}
        </Text>
      ),
    },
    {
      key: 'person',
      header: 'Person',
      cell: (e) => {
        const via = VIA_LABELS[e.actor.via];
        return (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{actorName(e)}</Text>
            {via && (
              <Badge size="xs" variant="light" color="gray" tt="none">
                {via}
              </Badge>
            )}
          </Group>
        );
      },
    },
    {
      key: 'action',
      header: 'Action',
      cell: (e) => (
        <>
          <Text size="sm">{actionLabel(e.action)}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {e.action}
          </Text>
        </>
      ),
    },
    { key: 'target', header: 'Target', cell: (e) => <Text size="sm">{targetText(e) ?? '—'}</Text> },
    {
      key: 'ip',
      header: 'IP address',
      cell: (e) => (
        <Text size="sm" ff="monospace">
          {e.ip ?? '—'}
        </Text>
      ),
    },
  ];
  return (
    <DataTable
      aria-label="Audit entries"
      rows={rows}
      rowKey={(e) => e.id}
      columns={columns}
      minWidth={860}
      highlightOnHover
      // Under the columns after the toggle, as the details belong to the entry's text.
      renderExpanded={(e) => open(e) && <Details entry={e} />}
      expandedCellProps={{ pl: 52 }}
      renderCard={(e) => <AuditCard entry={e} tz={tz} open={open(e)} onToggle={() => onToggle(e.id)} />}
    />
  );
}

function hasDetails(entry: AuditEntry): boolean {
  return Object.keys(entry.details).length > 0;
}

function actorName(entry: AuditEntry): string {
  return entry.actor.name ?? (entry.actor.via === 'system' ? 'Tandem' : 'Unknown');
}

function targetText(entry: AuditEntry): string | null {
  return entry.targetLabel ?? (entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}`.trim() : null);
}

function Details({ entry }: { entry: AuditEntry }) {
  return <Code block>{JSON.stringify(entry.details, null, 2)}</Code>;
}

/** The phone's card: what happened and when on top, who and to what, then the raw action and IP. */
function AuditCard({ entry, tz, open, onToggle }: { entry: AuditEntry; tz: string; open: boolean; onToggle: () => void }) {
  const via = VIA_LABELS[entry.actor.via];
  const target = targetText(entry);
  return (
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
      {hasDetails(entry) && (
        <Button variant="subtle" size="compact-xs" w="fit-content" px={0} onClick={onToggle} aria-expanded={open}>
          {open ? 'Hide details' : 'Show details'}
        </Button>
      )}
      {open && <Details entry={entry} />}
    </Stack>
  );
}
