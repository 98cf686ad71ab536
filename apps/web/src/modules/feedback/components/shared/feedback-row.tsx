import type { ReactNode } from 'react';
import { Box, Checkbox, Group, Stack } from '@mantine/core';
import type { FeedbackItem } from '@tandem/contracts';
import { Byline, FeedbackWords, ItemRecords, KindBadge, ThemeCell } from './feedback-bits.tsx';

interface FeedbackRowProps {
  item: FeedbackItem;
  slug: string;
  tz: string;
  /** Row checkbox for triage; absent when the viewer cannot move items. */
  selection?: { selected: boolean; onToggle: () => void };
  showSubmitter?: boolean;
  /** Under the item, e.g. the theme's answer on "My feedback". */
  footer?: ReactNode;
  /** At the end of the first line, e.g. edit and delete for one's own item. */
  actions?: ReactNode;
  /** The record the list belongs to (a deal page's deal), not repeated on each row. */
  within?: { dealId?: string; accountId?: string };
}

/** One item: kind, words, where it came from, who logged it, and its theme. Stacks on a phone. */
export function FeedbackRow({ item, slug, tz, selection, showSubmitter = true, footer, within, actions }: FeedbackRowProps) {
  const records = {
    ...item,
    deal: within?.dealId && item.deal?.id === within.dealId ? null : item.deal,
    account: within?.accountId && item.account?.id === within.accountId ? null : item.account,
  };
  return (
    <Group
      role="listitem"
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      py="sm"
      px="xs"
      bg={selection?.selected ? 'var(--mantine-color-blue-0)' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      {selection && (
        <Checkbox mt={2} checked={selection.selected} onChange={selection.onToggle} aria-label={`Select “${item.text.slice(0, 60)}”`} />
      )}
      <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
        <Group wrap="wrap" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Group gap={8} wrap="nowrap" align="center">
              <KindBadge kind={item.kind} />
              <Byline item={item} tz={tz} showSubmitter={showSubmitter} />
              {actions && <Box ml="auto">{actions}</Box>}
            </Group>
            <FeedbackWords item={item} />
            <ItemRecords item={records} slug={slug} />
          </Stack>
          <Box w={{ base: '100%', sm: 240 }} style={{ flex: 'none' }}>
            <ThemeCell item={item} slug={slug} />
          </Box>
        </Group>
        {footer}
      </Stack>
    </Group>
  );
}
