import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import type { Competitor, UnlinkedCompetitorName } from '@tandem/contracts';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { DataTable, formatCount, QueryView, TableSkeleton, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useUnlinkedCompetitorNames, useUpdateCompetitor } from '../../hooks/use-competitors.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * Names reps and the CRM wrote that no competitor matches: one click makes a record of one, or adds it (every
 * spelling with the same key) as another name of an existing record — past deals and feedback link at once.
 */
export function UnlinkedNames({
  slug,
  competitors,
  onCreate,
}: {
  slug: string;
  competitors: Competitor[];
  onCreate: (name: string, aliases: string[]) => void;
}) {
  const unlinked = useUnlinkedCompetitorNames(slug);
  const update = useUpdateCompetitor(slug);

  async function addAsAlias(row: UnlinkedCompetitorName, competitorId: string | null) {
    const target = competitors.find((c) => c.id === competitorId);
    if (!target) return;
    try {
      await update.mutateAsync({ id: target.id, body: { aliases: [...target.aliases, ...row.spellings] } });
      notifySuccess(`${plural(row.deals, 'deal')} and ${plural(row.feedback, 'feedback item')} that say "${row.name}" now count for ${target.name}.`, `Added to ${target.name}`);
    } catch (e) {
      notifyError(e, `Could not add "${row.name}" to ${target.name}`);
    }
  }

  const columns: DataTableColumn<UnlinkedCompetitorName>[] = [
    {
      key: 'name',
      header: 'Name as written',
      primary: true,
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {r.name}
          </Text>
          {r.spellings.length > 1 && (
            <Text size="xs" c="dimmed">
              also {r.spellings.slice(1).join(', ')}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'deals', header: 'Deals', align: 'right', cell: (r) => formatCount(r.deals) },
    { key: 'feedback', header: 'Feedback', align: 'right', cell: (r) => formatCount(r.feedback) },
    {
      key: 'actions',
      header: '',
      label: 'Link it',
      cell: (r) => (
        <Group gap="xs" wrap="wrap" justify="flex-end">
          <Button size="compact-sm" variant="light" onClick={() => onCreate(r.name, r.spellings.slice(1))}>
            Create
          </Button>
          {competitors.length > 0 && (
            <Select
              size="xs"
              w={200}
              placeholder="Add as alias of…"
              aria-label={`Add "${r.name}" as another name of`}
              data={competitors.map((c) => ({ value: c.id, label: c.name }))}
              searchable
              value={null}
              onChange={(id) => void addAsAlias(r, id)}
              disabled={update.isPending}
            />
          )}
        </Group>
      ),
    },
  ];

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="unlinked-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="unlinked-title">
            Names in deals and feedback that match no competitor
          </Title>
          <Text size="sm" c="dimmed">
            Make a competitor of one, or add it as another name of one you have: its deals and feedback count there at once.
          </Text>
        </div>
        <QueryView
          query={unlinked}
          skeleton={<TableSkeleton rows={3} />}
          error="Could not load the unmatched names"
          empty={{ when: (d) => d.items.length === 0, content: <Text size="sm" c="dimmed">Every competitor name in deals and feedback matches a competitor.</Text> }}
        >
          {(d) => <DataTable rows={d.items} rowKey={(r) => r.name} columns={columns} aria-label="Unmatched competitor names" minWidth={560} />}
        </QueryView>
      </Stack>
    </Card>
  );
}
