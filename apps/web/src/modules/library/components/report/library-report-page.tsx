import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlarm, IconChartBar, IconMoodEmpty, IconShare } from '@tabler/icons-react';
import { ASSET_TYPE_LABELS, type LibraryReport, type LibraryReportEntry } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { formatCount, formatRelative, QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useLibraryReport } from '../../hooks/use-usage.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

interface Section {
  key: 'unused' | 'mostUsed' | 'mostShared' | 'overdue';
  title: string;
  icon: ReactNode;
  what: (windowDays: number) => string;
  /** The entry's number in words. */
  value: (e: LibraryReportEntry) => string;
  empty: string;
  total?: (r: LibraryReport) => number;
}

const SECTIONS: Section[] = [
  {
    key: 'unused',
    title: 'Unused',
    icon: <IconMoodEmpty size={18} />,
    what: (d) => `Published, and nobody viewed, shared or downloaded it in ${d} days. Retire it, or tell sales it exists.`,
    value: (e) => (e.lastUsedAt ? `${plural(e.value, 'day')} unused` : `never used (${plural(e.value, 'day')})`),
    empty: 'Everything published was used lately.',
    total: (r) => r.unusedTotal,
  },
  {
    key: 'overdue',
    title: 'Overdue for review',
    icon: <IconAlarm size={18} />,
    what: () => 'Published material past its review date: check it and verify, or update it.',
    value: (e) => `${plural(e.value, 'day')} overdue`,
    empty: 'Nothing is overdue.',
    total: (r) => r.overdueTotal,
  },
  {
    key: 'mostUsed',
    title: 'Most used',
    icon: <IconChartBar size={18} />,
    what: (d) => `Views, downloads, copies, shares and deal attachments in the last ${d} days.`,
    value: (e) => plural(e.value, 'use'),
    empty: 'Nothing was used in this period.',
  },
  {
    key: 'mostShared',
    title: 'Most shared',
    icon: <IconShare size={18} />,
    what: (d) => `Share links made for prospects in the last ${d} days.`,
    value: (e) => plural(e.value, 'share'),
    empty: 'Nothing was shared with prospects in this period.',
  },
];

function Entry({ slug, entry, value }: { slug: string; entry: LibraryReportEntry; value: string }) {
  const a = entry.asset;
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={`/w/${slug}/library/${a.id}`} size="sm" fw={500} lineClamp={2}>
          {a.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {ASSET_TYPE_LABELS[a.type]}
          {a.owner ? ` · ${a.owner.name}` : ''}
          {entry.lastUsedAt ? ` · last used ${formatRelative(entry.lastUsedAt)}` : ''}
        </Text>
      </Stack>
      <Badge variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
        {value}
      </Badge>
    </Group>
  );
}

function ReportCard({ slug, report, section }: { slug: string; report: LibraryReport; section: Section }) {
  const entries = report[section.key];
  const total = section.total?.(report);
  const headingId = `report-${section.key}`;
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap={8}>
          {section.icon}
          <Title order={2} size="h4" id={headingId}>
            {section.title}
          </Title>
          {total !== undefined && total > 0 && (
            <Badge variant="light" color={section.key === 'overdue' ? 'red' : 'orange'}>
              {formatCount(total)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {section.what(report.windowDays)}
        </Text>
        {entries.length === 0 ? (
          <Text size="sm">{section.empty}</Text>
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {entries.map((e) => (
              <li key={e.asset.id}>
                <Entry slug={slug} entry={e} value={section.value(e)} />
              </li>
            ))}
          </Stack>
        )}
        {total !== undefined && total > entries.length && (
          <Text size="xs" c="dimmed">
            The {entries.length} shown first of {formatCount(total)}.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** For whoever keeps the library: what nobody uses, what sales leans on, what goes to prospects, what is stale. */
export function LibraryReportPage() {
  const { slug } = useWorkspace();
  const report = useLibraryReport(slug);
  return (
    <>
      <PageHeader
        title="Library report"
        description="What sales uses, what goes to prospects, what nobody opens and what needs a review. Counts come from views, shares and downloads recorded in Tandem."
      />
      <QueryView
        query={report}
        skeleton={
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {SECTIONS.map((s) => (
              <Skeleton key={s.key} h={260} radius="md" />
            ))}
          </SimpleGrid>
        }
        error="Could not load the library report"
      >
        {(r) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {SECTIONS.map((s) => (
              <ReportCard key={s.key} slug={slug} report={r} section={s} />
            ))}
          </SimpleGrid>
        )}
      </QueryView>
    </>
  );
}
