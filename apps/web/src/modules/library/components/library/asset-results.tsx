import { Link } from 'react-router-dom';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { ASSET_STATUS_LABELS, ASSET_TYPE_LABELS, type AssetSearchHit } from '@tandem/contracts';
import { formatRelative } from '../../../../app/kit/index.ts';
import { FreshnessBadge } from '../asset/freshness.tsx';
import { Highlighted } from './highlighted.tsx';

export type ResultsView = 'grid' | 'list';

/** Type, status (when not published) and freshness (when a review is near or past), the badges every result carries. */
export function AssetBadges({ asset }: { asset: Pick<AssetSearchHit, 'type' | 'status' | 'freshness'> }) {
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color="indigo" size="sm" tt="none">
        {ASSET_TYPE_LABELS[asset.type]}
      </Badge>
      {asset.status !== 'published' && (
        <Badge variant="light" color={asset.status === 'draft' ? 'orange' : 'gray'} size="sm" tt="none">
          {ASSET_STATUS_LABELS[asset.status]}
        </Badge>
      )}
      {(asset.freshness.state === 'overdue' || asset.freshness.state === 'due_soon') && <FreshnessBadge freshness={asset.freshness} size="sm" />}
    </Group>
  );
}

function Meta({ hit }: { hit: AssetSearchHit }) {
  const competitors = hit.tags.competitors.map((c) => c.name);
  return (
    <Text size="xs" c="dimmed">
      {competitors.length > 0 && `vs ${competitors.join(', ')} · `}
      Updated {formatRelative(hit.updatedAt)}
      {hit.owner && ` · ${hit.owner.name}`}
      {hit.fileCount > 0 && ` · ${hit.fileCount} file${hit.fileCount === 1 ? '' : 's'}`}
    </Text>
  );
}

function Title({ hit }: { hit: AssetSearchHit }) {
  return (
    <Text fw={600} size="md" lineClamp={2} style={{ lineHeight: 1.3 }}>
      <Highlighted segments={hit.highlight.title} fallback={hit.title} />
    </Text>
  );
}

function Excerpt({ hit, lines }: { hit: AssetSearchHit; lines: number }) {
  if (!hit.highlight.excerpt.length && !hit.excerpt) return null;
  return (
    <Text size="sm" c="dimmed" lineClamp={lines}>
      <Highlighted segments={hit.highlight.excerpt} fallback={hit.excerpt} />
    </Text>
  );
}

/** Results as cards (grid) or rows (list); each opens the asset's page. */
export function AssetResults({ hits, view, slug }: { hits: AssetSearchHit[]; view: ResultsView; slug: string }) {
  const href = (hit: AssetSearchHit) => `/w/${slug}/library/${hit.id}`;
  if (view === 'grid') {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md" role="list" aria-label="Assets">
        {hits.map((hit) => (
          <Paper key={hit.id} withBorder radius="md" p="md" role="listitem">
            <UnstyledButton component={Link} to={href(hit)} style={{ display: 'block', height: '100%' }}>
              <Stack gap="xs" h="100%">
                <AssetBadges asset={hit} />
                <Title hit={hit} />
                <Excerpt hit={hit} lines={3} />
                <div style={{ flex: 1 }} />
                <Meta hit={hit} />
              </Stack>
            </UnstyledButton>
          </Paper>
        ))}
      </SimpleGrid>
    );
  }
  return (
    <Paper withBorder radius="md" role="list" aria-label="Assets">
      {hits.map((hit, i) => (
        <UnstyledButton
          key={hit.id}
          component={Link}
          to={href(hit)}
          role="listitem"
          p="md"
          style={{ display: 'block', borderTop: i ? '1px solid var(--mantine-color-gray-3)' : undefined }}
        >
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={4} style={{ flex: '1 1 360px', minWidth: 0 }}>
              <Title hit={hit} />
              <Excerpt hit={hit} lines={2} />
              <Meta hit={hit} />
            </Stack>
            <AssetBadges asset={hit} />
          </Group>
        </UnstyledButton>
      ))}
    </Paper>
  );
}
