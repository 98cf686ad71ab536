import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconSwords } from '@tabler/icons-react';
import type { CompetitorListItem } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { DataTable, DebouncedTextInput, formatCount, formatMoney, QueryView, TableSkeleton, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useCompetitors } from '../../hooks/use-competitors.ts';
import { FreshnessBadge } from '../asset/freshness.tsx';
import { WinRateText } from '../influence/win-rate-text.tsx';
import { CompetitorModal, type CompetitorDraft } from './competitor-modal.tsx';
import { UnlinkedNames } from './unlinked-names.tsx';

/** Who the company sells against: win rate with its sample and range, open pipeline, and how fresh the battlecards are. */
export function CompetitorsPage() {
  const ws = useWorkspace();
  const canWrite = ws.can('competitors.write');
  const [q, setQ] = useState('');
  const competitors = useCompetitors(ws.slug, q || undefined);
  const [draft, setDraft] = useState<CompetitorDraft | null>(null);
  const currency = competitors.data?.baseCurrency ?? null;

  const columns: DataTableColumn<CompetitorListItem>[] = [
    {
      key: 'name',
      header: 'Competitor',
      primary: true,
      cell: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/w/${ws.slug}/competitors/${c.id}`} fw={600}>
            {c.name}
          </Anchor>
          {c.aliases.length > 0 && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              also {c.aliases.join(', ')}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'winRate', header: 'Win rate against them', cell: (c) => <WinRateText winRate={c.winRate} size="sm" /> },
    {
      key: 'pipeline',
      header: 'Open pipeline',
      align: 'right',
      cell: (c) => (
        <Stack gap={0} align="flex-end">
          <Text size="sm" fw={600}>
            {formatMoney(c.openPipeline.amount, currency, { compact: true })}
          </Text>
          <Text size="xs" c="dimmed">
            {formatCount(c.openPipeline.deals)} {c.openPipeline.deals === 1 ? 'deal' : 'deals'}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'battlecards',
      header: 'Battlecards',
      cell: (c) =>
        c.battlecards.count === 0 || !c.battlecards.worst ? (
          <Text size="sm" c="dimmed">
            None yet
          </Text>
        ) : (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{formatCount(c.battlecards.count)}</Text>
            <FreshnessBadge freshness={{ state: c.battlecards.worst, reviewBy: null, verifiedAt: null, verifiedBy: null }} size="sm" />
          </Group>
        ),
    },
    ...(canWrite
      ? [
          {
            key: 'edit',
            header: '',
            label: 'Edit',
            align: 'right' as const,
            hiddenOnPhone: true,
            cell: (c: CompetitorListItem) => (
              <Button size="compact-sm" variant="subtle" onClick={() => setDraft({ competitor: c })} aria-label={`Edit ${c.name}`}>
                Edit
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="Competitors"
        description="Who you sell against and how deals go when they are in them. Each win rate shows how many closed deals it rests on and the range the true rate likely lies in."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDraft({ name: '', aliases: [] })}>
              New competitor
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <DebouncedTextInput value={q} onCommit={setQ} placeholder="Find a competitor by any of its names" aria-label="Find a competitor" maw={420} />
        <Card withBorder radius="md" p={0}>
          <QueryView
            query={competitors}
            skeleton={<TableSkeleton rows={5} />}
            error="Could not load the competitors"
            empty={{
              when: (d) => d.items.length === 0,
              icon: <IconSwords size={28} />,
              title: q ? 'No competitor by that name' : 'No competitors yet',
              description: q
                ? 'Try another spelling, or clear the search.'
                : canWrite
                  ? 'Create one, or pick from the names reps already wrote in deals and feedback below.'
                  : 'Marketing adds the competitors you sell against.',
            }}
          >
            {(d) => <DataTable rows={d.items} rowKey={(c) => c.id} columns={columns} aria-label="Competitors" rowHref={(c) => `/w/${ws.slug}/competitors/${c.id}`} />}
          </QueryView>
        </Card>
        {canWrite && <UnlinkedNames slug={ws.slug} competitors={competitors.data?.items ?? []} onCreate={(name, aliases) => setDraft({ name, aliases })} />}
      </Stack>
      <CompetitorModal slug={ws.slug} draft={draft} onClose={() => setDraft(null)} />
    </>
  );
}
