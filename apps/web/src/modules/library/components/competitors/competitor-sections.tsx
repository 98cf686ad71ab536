import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { ASSET_TYPE_LABELS, FEEDBACK_KIND_LABELS, THEME_STATUS_LABELS, type AssetSummary, type CompetitorPage } from '@tandem/contracts';
import { formatCount, formatDate } from '../../../../app/kit/index.ts';
import { FreshnessBadge, freshnessSentence } from '../asset/freshness.tsx';
import { WinRateText } from '../influence/win-rate-text.tsx';

export function Section({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** The material a rep opens first: each battlecard with where it stands against its review date. */
export function Battlecards({ page, slug, canWriteLibrary }: { page: CompetitorPage; slug: string; canWriteLibrary: boolean }) {
  return (
    <Section
      id="battlecards-title"
      title="Battlecards"
      action={
        canWriteLibrary && (
          <Button component={Link} to={`/w/${slug}/library/new`} size="compact-sm" variant="light">
            Write one
          </Button>
        )
      }
    >
      {page.battlecards.length === 0 ? (
        <Text size="sm" c="dimmed">
          No published battlecard is tagged with {page.competitor.name} yet.
        </Text>
      ) : (
        <Stack gap="sm">
          {page.battlecards.map((a) => (
            <AssetLine key={a.id} asset={a} slug={slug} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

export function AssetLine({ asset, slug, showType }: { asset: AssetSummary; slug: string; showType?: boolean }) {
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/w/${slug}/library/${asset.id}`} fw={600}>
          {asset.title}
        </Anchor>
        {showType && (
          <Badge variant="outline" color="gray" size="sm" tt="none">
            {ASSET_TYPE_LABELS[asset.type]}
          </Badge>
        )}
        <FreshnessBadge freshness={asset.freshness} size="sm" />
      </Group>
      <Text size="xs" c="dimmed">
        {freshnessSentence(asset)}
      </Text>
      {asset.excerpt && (
        <Text size="sm" lineClamp={2}>
          {asset.excerpt}
        </Text>
      )}
    </Stack>
  );
}

/** The same numbers as the chart, as a table: every quarter with its sample, rate and range, or "not enough data". */
export function QuarterTable({ page }: { page: CompetitorPage }) {
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Close quarter</Table.Th>
            <Table.Th scope="col">Win rate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.quarters.map((q) => (
            <Table.Tr key={q.quarter}>
              <Table.Td>{q.quarter.replace('-', ' ')}</Table.Td>
              <Table.Td>
                <WinRateText winRate={q} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function Themes({ page, slug }: { page: CompetitorPage; slug: string }) {
  return (
    <Section id="themes-title" title="What the field says about them">
      {page.themes.length === 0 ? (
        <Text size="sm" c="dimmed">
          No feedback about {page.competitor.name} is in a theme yet.
        </Text>
      ) : (
        <Stack gap={6}>
          {page.themes.map((t) => (
            <Group key={t.id} justify="space-between" gap="xs" style={{ rowGap: 0 }}>
              <Anchor component={Link} to={`/w/${slug}/feedback/themes/${t.id}`} size="sm" lineClamp={2} style={{ flex: '1 1 180px' }}>
                {t.name}
              </Anchor>
              <Group gap={6} wrap="nowrap">
                <Badge variant="light" color="gray" size="sm" tt="none">
                  {THEME_STATUS_LABELS[t.status]}
                </Badge>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatCount(t.items)} {t.items === 1 ? 'item' : 'items'}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export function FieldIntel({ page, slug, tz }: { page: CompetitorPage; slug: string; tz: string | undefined }) {
  return (
    <Section id="intel-title" title="Recent field intel">
      {page.fieldIntel.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody has logged anything about {page.competitor.name} yet.
        </Text>
      ) : (
        <Stack gap="md">
          {page.fieldIntel.map((i) => (
            <Stack key={i.id} gap={2}>
              <Group gap="xs">
                <Badge variant="light" size="sm" tt="none">
                  {FEEDBACK_KIND_LABELS[i.kind]}
                </Badge>
                <Text size="xs" c="dimmed">
                  {i.submittedBy?.name ?? 'Someone'} · {formatDate(i.observedAt, tz)}
                  {i.deal && (
                    <>
                      {' · '}
                      <Anchor component={Link} to={`/w/${slug}/deals/${i.deal.id}`} size="xs" underline="always">
                        {i.deal.name}
                      </Anchor>
                    </>
                  )}
                  {!i.deal && i.account && ` · ${i.account.name}`}
                </Text>
              </Group>
              <Text size="sm">{i.text}</Text>
              {i.quote && (
                <Text size="sm" c="dimmed" fs="italic">
                  “{i.quote}”
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}
