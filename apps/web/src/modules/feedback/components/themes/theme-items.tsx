import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ActionBar, Alert, Anchor, Badge, Box, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowsSplit, IconArrowRight, IconInbox } from '@tabler/icons-react';
import { FEEDBACK_SOURCE_LABELS, type FeedbackItem, type ThemeDetail } from '@tandem/contracts';
import { flattenPages, formatCount, formatDate, InfiniteQueryView, TableSkeleton } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { StatusBadge } from '../../../deals/index.ts';
import { useThemeItems } from '../../hooks/use-themes.ts';
import { groupedAutomatically, KindBadge } from '../shared/feedback-bits.tsx';
import { Money, plural } from '../shared/theme-bits.tsx';
import { ThemeMoveModal, ThemeSplitModal } from './theme-item-modals.tsx';

/** A theme's feedback, newest first; triage users select items to move them or split them off. */
export function ThemeItems({ theme, baseCurrency, tz }: { theme: ThemeDetail; baseCurrency: string | undefined; tz: string }) {
  const ws = useWorkspace();
  const canTriage = ws.can('feedback.triage');
  const items = useThemeItems(ws.slug, theme.id);
  const rows = flattenPages(items.data, (p) => p.items);
  const total = items.data?.pages[0]?.total ?? theme.metrics.items;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [modal, setModal] = useState<'move' | 'split' | null>(null);
  const [splitOff, setSplitOff] = useState<{ id: string; name: string; items: number } | null>(null);
  // Only items still listed count: a move elsewhere drops them from the list.
  const chosen = rows.filter((r) => selected.has(r.id)).map((r) => r.id);

  function toggle(id: string) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }
  const allShown = rows.length > 0 && rows.every((r) => selected.has(r.id));

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="theme-items-title">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4" id="theme-items-title">
            Items ({formatCount(total)})
          </Title>
          {canTriage && rows.length > 0 && (
            <Checkbox
              label={allShown ? 'Unselect all' : `Select all ${rows.length < total ? 'shown' : ''}`.trim()}
              checked={allShown}
              indeterminate={chosen.length > 0 && !allShown}
              onChange={() => setSelected(allShown ? new Set() : new Set(rows.map((r) => r.id)))}
              size="sm"
            />
          )}
        </Group>
        {splitOff && (
          <Alert color="teal" variant="light" withCloseButton onClose={() => setSplitOff(null)} closeButtonLabel="Dismiss">
            {plural(splitOff.items, 'item')} moved into the new theme{' '}
            <Anchor component={Link} to={`/w/${ws.slug}/feedback/themes/${splitOff.id}`} fw={600}>
              {splitOff.name}
            </Anchor>
            .
          </Alert>
        )}
        <InfiniteQueryView
          query={items}
          items={(p) => p.items}
          skeleton={<TableSkeleton rows={4} />}
          empty={{
            content: (
              <Stack gap="xs" align="flex-start">
                <Text size="sm" c="dimmed">
                  No items in this theme yet.{' '}
                  {canTriage ? 'Move feedback here from the untriaged items or from another theme.' : 'Feedback reps log lands here once marketing files it.'}
                </Text>
                {canTriage && (
                  <Button component={Link} to={`/w/${ws.slug}/feedback?theme=none`} variant="default" size="xs" leftSection={<IconInbox size={14} />}>
                    Untriaged feedback
                  </Button>
                )}
              </Stack>
            ),
          }}
        >
          {(rows) => (
            <Stack gap={0} role="list" aria-label="Items in this theme">
              {rows.map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  slug={ws.slug}
                  tz={tz}
                  baseCurrency={baseCurrency}
                  selected={canTriage ? selected.has(item.id) : undefined}
                  onToggle={() => toggle(item.id)}
                />
              ))}
            </Stack>
          )}
        </InfiniteQueryView>
      </Stack>
      {canTriage && (
        <>
          <ActionBar opened={chosen.length > 0 && modal === null} onClose={() => setSelected(new Set())} aria-label="Selected items">
            <Group gap="xs" wrap="wrap" px="xs" justify="center">
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {plural(chosen.length, 'item')} selected
              </Text>
              <Button size="xs" leftSection={<IconArrowRight size={14} />} onClick={() => setModal('move')}>
                Move to…
              </Button>
              <Button size="xs" variant="light" leftSection={<IconArrowsSplit size={14} />} onClick={() => setModal('split')}>
                Split into new theme
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => setSelected(new Set())}>
                Clear
              </Button>
            </Group>
          </ActionBar>
          <ThemeMoveModal
            theme={theme}
            itemIds={chosen}
            opened={modal === 'move'}
            onClose={() => setModal(null)}
            onMoved={() => {
              setModal(null);
              setSelected(new Set());
            }}
          />
          <ThemeSplitModal
            theme={theme}
            itemIds={chosen}
            opened={modal === 'split'}
            onClose={() => setModal(null)}
            onSplit={(created) => {
              setModal(null);
              setSelected(new Set());
              setSplitOff({ id: created.id, name: created.name, items: created.metrics.items });
            }}
          />
        </>
      )}
    </Card>
  );
}

interface ItemRowProps {
  item: FeedbackItem;
  slug: string;
  tz: string;
  baseCurrency: string | undefined;
  /** undefined: no selection (not a triage user). */
  selected: boolean | undefined;
  onToggle: () => void;
}

function ItemRow({ item, slug, tz, baseCurrency, selected, onToggle }: ItemRowProps) {
  return (
    <Group
      role="listitem"
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      py="sm"
      px={4}
      bg={selected ? 'var(--mantine-color-blue-0)' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      {selected !== undefined && (
        <Checkbox mt={2} checked={selected} onChange={onToggle} aria-label={`Select: ${item.text.slice(0, 80)}`} />
      )}
      <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <KindBadge kind={item.kind} size="xs" />
          {item.competitor && (
            <Badge size="xs" variant="light" color="orange" tt="none">
              vs {item.competitor}
            </Badge>
          )}
          {item.assignment?.by === 'auto' && (
            <Badge size="xs" variant="dot" color="gray" tt="none" title="Tandem put this item here on its own">
              {groupedAutomatically(item.assignment.confidence)}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {formatDate(item.observedAt, tz)} · {FEEDBACK_SOURCE_LABELS[item.source]}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {item.text}
        </Text>
        {item.quote && (
          <Box
            component="blockquote"
            m={0}
            px="sm"
            py={6}
            bg="var(--mantine-color-yellow-0)"
            style={{ borderLeft: '3px solid var(--mantine-color-yellow-5)', borderRadius: 4 }}
          >
            <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              “{item.quote}”
            </Text>
          </Box>
        )}
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {item.submittedBy ? item.submittedBy.name : 'Unknown rep'}
          </Text>
          {item.deal && (
            <>
              <Text size="xs" c="dimmed" aria-hidden="true">
                ·
              </Text>
              <Anchor component={Link} to={`/w/${slug}/deals/${item.deal.id}`} size="xs">
                {item.deal.name}
              </Anchor>
              <StatusBadge status={item.deal.stageCategory} size="xs" />
              {item.deal.amountBase !== null && <Money amount={item.deal.amountBase} currency={baseCurrency} size="xs" />}
            </>
          )}
          {item.account && (
            <>
              <Text size="xs" c="dimmed" aria-hidden="true">
                ·
              </Text>
              <Anchor component={Link} to={`/w/${slug}/accounts/${item.account.id}`} size="xs" c="dimmed">
                {item.account.name}
              </Anchor>
              {item.account.segment && (
                <Text size="xs" c="dimmed">
                  ({item.account.segment})
                </Text>
              )}
            </>
          )}
        </Group>
      </Stack>
    </Group>
  );
}
