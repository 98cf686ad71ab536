import { useSearchParams } from 'react-router-dom';
import { Button, Card, Group, Kbd, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconFilterOff, IconMessageCircle, IconMessages } from '@tabler/icons-react';
import { THEME_STATUS_LABELS, THEME_STATUSES, type FeedbackItem, type MyFeedbackSummary, type ThemeStatus } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { formatDate, formatRelative, InfiniteQueryView, QueryView, TableSkeleton, type EmptyView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { usePhone } from '../../../../app/use-phone.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useFeedbackPages, useMyFeedbackSummary, type FeedbackFilterParams } from '../../hooks/use-feedback.ts';
import { THEME_STATUS_COLORS, ThemeStatusBadge } from '../shared/theme-bits.tsx';
import { FeedbackRow } from '../shared/feedback-row.tsx';
import { NOT_GROUPED } from '../shared/feedback-bits.tsx';
import { LogFeedbackButton } from '../capture/log-feedback-button.tsx';
import { OwnItemActions } from './own-item-actions.tsx';
import { QUICK_LOG_KEY } from '../capture/quick-log-context.ts';

type Bucket = 'untriaged' | ThemeStatus;
const BUCKETS: Bucket[] = ['untriaged', ...THEME_STATUSES];
const BUCKET_LABELS: Record<Bucket, string> = { untriaged: NOT_GROUPED, ...THEME_STATUS_LABELS };
const BUCKET_COLORS: Record<Bucket, string> = { untriaged: 'gray', ...THEME_STATUS_COLORS };

const isBucket = (v: string | null): v is Bucket => !!v && (BUCKETS as string[]).includes(v);

function bucketFilters(bucket: Bucket | null): FeedbackFilterParams {
  if (!bucket) return { submittedBy: 'me' };
  if (bucket === 'untriaged') return { submittedBy: 'me', theme: 'none' };
  return { submittedBy: 'me', status: [bucket] };
}

/** A rep's own feedback and what became of it: each theme's status and its answer. */
export function MyFeedbackPage() {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const bucket = isBucket(raw) ? raw : null;
  const summary = useMyFeedbackSummary(ws.slug);
  const items = useFeedbackPages(ws.slug, bucketFilters(bucket), { limit: 30 });
  const choose = (b: Bucket | null) => setParams(b && b !== bucket ? { status: b } : {}, { replace: true });

  return (
    <>
      <PageHeader
        title="My feedback"
        description="What you reported and what marketing did about it. When a theme you reported into changes status, you are told once, with their message."
      />
      <Stack gap="md">
        <QueryView
          query={summary}
          error="Could not load your totals"
          skeleton={<StatusCounts summary={undefined} bucket={bucket} choose={choose} />}
        >
          {(data) => data.total > 0 && <StatusCounts summary={data} bucket={bucket} choose={choose} />}
        </QueryView>

        <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <InfiniteQueryView query={items} items={(p) => p.items} skeleton={<TableSkeleton rows={4} />} empty={emptyView(bucket, choose)}>
              {(rows) => (
                <Stack gap={0} role="list" aria-label="My feedback">
                  {rows.map((item) => (
                    <FeedbackRow key={item.id} item={item} slug={ws.slug} tz={tz} showSubmitter={false} footer={<Outcome item={item} tz={tz} />} actions={<OwnItemActions item={item} />} />
                  ))}
                </Stack>
              )}
            </InfiniteQueryView>
          </Stack>
        </Card>
      </Stack>
    </>
  );
}

function emptyView(bucket: Bucket | null, choose: (b: Bucket | null) => void): EmptyView {
  if (bucket) {
    return {
      icon: <IconFilterOff size={28} />,
      title: `Nothing ${BUCKET_LABELS[bucket].toLowerCase()}`,
      description: 'None of your feedback is in this state right now.',
      action: (
        <Button variant="default" onClick={() => choose(null)}>
          Show all my feedback
        </Button>
      ),
    };
  }
  return {
    icon: <IconMessages size={28} />,
    title: 'You haven’t logged any feedback yet',
    description: (
      <>
        After a call, log what the customer said: a pain point, an objection, a feature they asked for, a competitor they mentioned.
        Press <Kbd size="xs">{QUICK_LOG_KEY}</Kbd> anywhere, it takes a few seconds. What marketing decides about it shows up here.
      </>
    ),
    action: <LogFeedbackButton />,
  };
}

/** Your feedback by where it stands, each a button that shows only those; `summary` undefined while it loads. */
function StatusCounts({ summary, bucket, choose }: { summary: MyFeedbackSummary | undefined; bucket: Bucket | null; choose: (b: Bucket | null) => void }) {
  const phone = usePhone();
  return (
    <>
      <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm" role="group" aria-label="Your feedback by status">
        {BUCKETS.map((b) => (
          <StatusCount
            key={b}
            label={BUCKET_LABELS[b]}
            color={BUCKET_COLORS[b]}
            value={summary?.byStatus[b] ?? 0}
            loading={!summary}
            active={bucket === b}
            onClick={() => choose(b)}
          />
        ))}
        {!phone && (
          <Paper withBorder radius="md" p="sm" style={{ borderTop: '3px solid var(--mantine-color-blue-5)' }}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Answered
            </Text>
            <Text fw={650} fz="xl">
              {summary ? summary.withResponse : '…'}
            </Text>
            <Text size="xs" c="dimmed">
              {summary ? `with a response, of ${summary.total}` : ' '}
            </Text>
          </Paper>
        )}
      </SimpleGrid>
      {phone && summary && (
        <Text size="sm" c="dimmed">
          {summary.withResponse} of {summary.total} have an answer from marketing.
        </Text>
      )}
      {bucket && (
        <Group gap="xs">
          <Text size="sm">
            Showing only <b>{BUCKET_LABELS[bucket].toLowerCase()}</b>
            {bucket === 'new' ? ' (in themes marketing has not acknowledged yet)' : ''}.
          </Text>
          <Button size="compact-sm" variant="subtle" leftSection={<IconFilterOff size={14} />} onClick={() => choose(null)}>
            Show all
          </Button>
        </Group>
      )}
    </>
  );
}

interface StatusCountProps {
  label: string;
  color: string;
  value: number;
  loading: boolean;
  active: boolean;
  onClick: () => void;
}

function StatusCount({ label, color, value, loading, active, onClick }: StatusCountProps) {
  const phone = usePhone();
  if (phone) {
    return (
      <UnstyledButton onClick={onClick} aria-pressed={active}>
        <Paper
          withBorder
          radius="md"
          px="sm"
          py={6}
          bg={active ? 'var(--mantine-color-blue-0)' : undefined}
          style={{ borderLeft: `3px solid var(--mantine-color-${color}-5)` }}
        >
          <Group justify="space-between" wrap="nowrap" gap={4}>
            <Text size="sm" truncate>
              {label}
            </Text>
            <Text fw={650} c={value === 0 ? 'dimmed' : undefined}>
              {loading ? '…' : value}
            </Text>
          </Group>
        </Paper>
      </UnstyledButton>
    );
  }
  return (
    <UnstyledButton onClick={onClick} aria-pressed={active}>
      <Paper
        withBorder
        radius="md"
        p="sm"
        h="100%"
        bg={active ? 'var(--mantine-color-blue-0)' : undefined}
        style={{ borderTop: `3px solid var(--mantine-color-${color}-5)`, outline: active ? '2px solid var(--mantine-color-blue-4)' : undefined }}
      >
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" truncate>
          {label}
        </Text>
        <Text fw={650} fz="xl" c={value === 0 ? 'dimmed' : undefined}>
          {loading ? '…' : value}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

/** What happened to an item: the theme's answer in full, or where it stands without one. */
function Outcome({ item, tz }: { item: FeedbackItem; tz: string }) {
  if (item.response) {
    const r = item.response;
    return (
      <Paper
        p="sm"
        radius="sm"
        bg="var(--mantine-color-blue-0)"
        style={{ borderLeft: `3px solid var(--mantine-color-${THEME_STATUS_COLORS[r.status]}-6)` }}
        role="note"
        aria-label="Response from marketing"
      >
        <Group gap={6} mb={4} wrap="wrap">
          <IconMessageCircle size={16} />
          <Text size="sm" fw={600}>
            {r.by?.name ?? 'Marketing'} answered
          </Text>
          <ThemeStatusBadge status={r.status} size="xs" />
          <Text size="xs" c="dimmed" title={formatRelative(r.at)}>
            on {formatDate(r.at, tz)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {r.message}
        </Text>
      </Paper>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {item.theme
        ? `No answer yet. The theme is ${THEME_STATUS_LABELS[item.theme.status].toLowerCase()}; you are told when that changes.`
        : `${NOT_GROUPED}: marketing has not grouped it with similar feedback.`}
    </Text>
  );
}
