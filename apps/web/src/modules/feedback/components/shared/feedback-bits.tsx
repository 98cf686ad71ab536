import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, Text, Tooltip, type MantineColor } from '@mantine/core';
import { FEEDBACK_KIND_LABELS, type FeedbackItem, type FeedbackKind } from '@tandem/contracts';
import { formatDate, percent } from '../../../../app/kit/index.ts';
import { ThemeStatusBadge } from './theme-bits.tsx';

export const KIND_COLORS: Record<FeedbackKind, MantineColor> = {
  pain_point: 'orange',
  objection: 'red',
  feature_request: 'blue',
  competitor_intel: 'grape',
  win_reason: 'teal',
  loss_reason: 'pink',
  praise: 'green',
  question: 'gray',
};

export function KindBadge({ kind, size = 'sm' }: { kind: FeedbackKind; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={KIND_COLORS[kind]} variant="light" size={size} tt="none" style={{ flex: 'none' }}>
      {FEEDBACK_KIND_LABELS[kind]}
    </Badge>
  );
}

/** The one word for feedback in no theme yet, wherever a rep reads it (beside the theme statuses: New, Planned…). */
export const NOT_GROUPED = 'Not grouped yet';

/** "Grouped automatically (62 % match)": Tandem filed the item itself, this sure. */
export function groupedAutomatically(confidence: number | null): string {
  return `Grouped automatically${confidence != null ? ` (${percent(confidence)} match)` : ''}`;
}

/** An item's theme with its status, and how it got there when the engine chose it; "Not grouped yet" without one. */
export function ThemeCell({ item, slug }: { item: Pick<FeedbackItem, 'theme' | 'assignment'>; slug: string }) {
  if (!item.theme) {
    return (
      <Tooltip label="Marketing has not grouped it with similar feedback yet" withArrow>
        <Badge color="gray" variant="outline" size="sm" tt="none">
          {NOT_GROUPED}
        </Badge>
      </Tooltip>
    );
  }
  const auto = item.assignment?.by === 'auto';
  return (
    <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
      <Anchor component={Link} to={`/w/${slug}/feedback/themes/${item.theme.id}`} size="sm" fw={500} lineClamp={2}>
        {item.theme.name}
      </Anchor>
      <ThemeStatusBadge status={item.theme.status} size="xs" />
      {auto && (
        <Tooltip label="Tandem filed it under this theme on its own; a marketer can move it" withArrow>
          <Text size="xs" c="dimmed" span>
            {groupedAutomatically(item.assignment?.confidence ?? null)}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}

/** What was heard, and the customer's words in italics under it. */
export function FeedbackWords({ item, clamp }: { item: Pick<FeedbackItem, 'text' | 'quote'>; clamp?: number }) {
  return (
    <>
      <Text size="sm" lineClamp={clamp} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {item.text}
      </Text>
      {item.quote && (
        <Text size="sm" c="dimmed" fs="italic" lineClamp={clamp} style={{ overflowWrap: 'anywhere' }}>
          “{item.quote}”
        </Text>
      )}
    </>
  );
}

/** Account and deal as links, then the competitor: where the feedback came from. */
export function ItemRecords({ item, slug }: { item: Pick<FeedbackItem, 'account' | 'deal' | 'competitor'>; slug: string }) {
  const parts = [
    item.account && (
      <Anchor key="a" component={Link} to={`/w/${slug}/accounts/${item.account.id}`} size="xs">
        {item.account.name}
      </Anchor>
    ),
    item.deal && (
      <Anchor key="d" component={Link} to={`/w/${slug}/deals/${item.deal.id}`} size="xs">
        {item.deal.name}
      </Anchor>
    ),
    item.competitor && (
      <Text key="c" size="xs" c="dimmed" span>
        vs {item.competitor}
      </Text>
    ),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" style={{ rowGap: 0 }}>
      {parts.flatMap((p, i) => (i === 0 ? [p] : [<Text key={`s${i}`} size="xs" c="dimmed" span>·</Text>, p]))}
    </Group>
  );
}

/** "Sofia Ruiz · 12 Mar 2026": who logged it and when the customer said it. */
export function Byline({ item, tz, showSubmitter = true }: { item: Pick<FeedbackItem, 'submittedBy' | 'observedAt'>; tz: string; showSubmitter?: boolean }) {
  return (
    <Text size="xs" c="dimmed">
      {showSubmitter && `${item.submittedBy?.name ?? 'Someone who left'} · `}
      {formatDate(item.observedAt, tz)}
    </Text>
  );
}
