import type { ReactNode } from 'react';
import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { FEEDBACK_KIND_LABELS, type ThemeDetail } from '@tandem/contracts';
import { formatCount, formatDate, formatRelative } from '../../../../app/kit/index.ts';
import { Money, plural } from '../shared/theme-bits.tsx';

/** Badges per tile: enough to see the pattern without making the tiles tall. */
const SHOWN = 4;

/** The numbers that say how much a theme matters: items, reach, and the revenue behind it. */
export function ThemeMetricCards({ theme, baseCurrency, tz }: { theme: ThemeDetail; baseCurrency: string | undefined; tz: string }) {
  const m = theme.metrics;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm" role="region" aria-label="Theme numbers">
      <Tile title="Items" color="blue">
        <Big>{formatCount(m.items)}</Big>
        <Text size="xs" c="dimmed">
          from {plural(m.submitters, 'rep')}
        </Text>
      </Tile>
      <Tile title="Accounts" color="cyan">
        <Big>{formatCount(m.accounts)}</Big>
        <Text size="xs" c="dimmed">
          that raised it
        </Text>
      </Tile>
      <Tile title="Open pipeline at stake" color="indigo">
        <Money amount={m.openPipeline} currency={baseCurrency} size="xl" fw={650} dimZero={false} />
        <Text size="xs" c="dimmed">
          in {plural(m.openDeals, 'open deal')}
        </Text>
      </Tile>
      <Tile title="Lost revenue" color="red">
        <Money amount={m.lostRevenue} currency={baseCurrency} size="xl" fw={650} dimZero={false} />
        <Text size="xs" c="dimmed">
          {plural(m.lostDeals, 'lost deal')}
        </Text>
      </Tile>
      <Tile title="Won revenue" color="teal">
        <Money amount={m.wonRevenue} currency={baseCurrency} size="xl" fw={650} dimZero={false} />
        <Text size="xs" c="dimmed">
          {plural(m.wonDeals, 'won deal')}
        </Text>
      </Tile>
      <Tile title="First and last heard" color="gray">
        <Text size="sm" fw={600}>
          {m.lastSeen ? formatRelative(m.lastSeen) : 'Never'}
        </Text>
        <Text size="xs" c="dimmed">
          {m.firstSeen ? `first on ${formatDate(m.firstSeen, tz)}, last on ${formatDate(m.lastSeen, tz)}` : 'No items yet'}
        </Text>
      </Tile>
      <Tile title="Top competitors" color="orange">
        {m.topCompetitors.length === 0 ? (
          <Text size="sm" c="dimmed">
            None named
          </Text>
        ) : (
          <Group gap={4}>
            {m.topCompetitors.slice(0, SHOWN).map((c) => (
              <Badge key={c.name} variant="light" color="orange" tt="none" size="sm" fw={500}>
                {c.name} · {c.items}
              </Badge>
            ))}
            {m.topCompetitors.length > SHOWN && (
              <Text size="xs" c="dimmed">
                +{m.topCompetitors.length - SHOWN} more
              </Text>
            )}
          </Group>
        )}
      </Tile>
      <Tile title="Kinds of feedback" color="grape">
        {theme.kinds.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Group gap={4}>
            {[...theme.kinds]
              .sort((a, b) => b.items - a.items)
              .slice(0, SHOWN)
              .map((k) => (
                <Badge key={k.kind} variant="light" color="grape" tt="none" size="sm" fw={500}>
                  {FEEDBACK_KIND_LABELS[k.kind]} · {k.items}
                </Badge>
              ))}
            {theme.kinds.length > SHOWN && (
              <Text size="xs" c="dimmed" title={theme.kinds.map((k) => `${FEEDBACK_KIND_LABELS[k.kind]} ${k.items}`).join(', ')}>
                +{theme.kinds.length - SHOWN} more
              </Text>
            )}
          </Group>
        )}
      </Tile>
    </SimpleGrid>
  );
}

function Big({ children }: { children: ReactNode }) {
  return (
    <Text fw={650} fz="xl" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {children}
    </Text>
  );
}

function Tile({ title, color, children }: { title: string; color: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p="sm" style={{ borderTop: `3px solid var(--mantine-color-${color}-5)` }} role="group" aria-label={title}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
          {title}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
