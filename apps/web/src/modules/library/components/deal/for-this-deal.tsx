import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconSearch, IconShare } from '@tabler/icons-react';
import type { AssetSummary, DealAssets } from '@tandem/contracts';
import { DebouncedTextInput, QueryView, TableSkeleton } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDealAssets, useQuickAssetSearch } from '../../hooks/use-search.ts';
import { AssetBadges } from '../library/asset-results.tsx';

/**
 * "For this deal" on a deal page: published material whose tags fit the deal, best first, each saying why it fits
 * and one click from sharing (the asset page opens its share form for this deal: `?share=deal:<dealId>`). A search
 * field finds anything else in the library — typos forgiven — with the same one-click share for this deal.
 */
export function ForThisDealPanel({ dealId }: { dealId: string }) {
  const ws = useWorkspace();
  const [q, setQ] = useState('');
  const searching = q.trim().length >= 2;
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="for-this-deal">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} size="h4" id="for-this-deal">
            For this deal
          </Title>
          <Text size="sm" c="dimmed">
            Published material tagged for its competitors, stage, products, segment or region — the best fit first. Looking
            for something else? Search the library here.
          </Text>
        </Stack>
        <DebouncedTextInput
          type="search"
          label="Search the library for this deal"
          placeholder="Any word, even misspelled: “pricng”, “snowflake batt”…"
          leftSection={<IconSearch size={16} />}
          value={q}
          onCommit={setQ}
          delay={250}
        />
        {searching ? <SearchResults slug={ws.slug} dealId={dealId} q={q} /> : <TagMatches slug={ws.slug} dealId={dealId} />}
      </Stack>
    </Card>
  );
}

function TagMatches({ slug, dealId }: { slug: string; dealId: string }) {
  const assets = useDealAssets(slug, dealId);
  return (
    <QueryView
      query={assets}
      skeleton={<TableSkeleton rows={3} />}
      error="Could not load the material for this deal"
      empty={{
        when: (d) => d.items.length === 0,
        content: <NothingFits slug={slug} deal={assets.data?.deal} />,
      }}
    >
      {(d) => (
        <Stack gap={0}>
          {d.items.map((item, i) => (
            <AssetRow key={item.asset.id} slug={slug} dealId={dealId} asset={item.asset} note={item.why} first={i === 0} />
          ))}
        </Stack>
      )}
    </QueryView>
  );
}

function SearchResults({ slug, dealId, q }: { slug: string; dealId: string; q: string }) {
  const found = useQuickAssetSearch(slug, q);
  return (
    <QueryView
      query={found}
      skeleton={<TableSkeleton rows={3} />}
      error="Could not search the library"
      empty={{
        when: (d) => d.items.length === 0,
        content: (
          <Text size="sm" c="dimmed">
            Nothing published matches “{q.trim()}”. Typos are forgiven in titles; try another word, or ask marketing for
            what you need.
          </Text>
        ),
      }}
    >
      {(d) => (
        <Stack gap={0} aria-live="polite">
          <Text size="xs" c="dimmed">
            {d.total === 1 ? '1 match' : `${d.total.toLocaleString()} matches`} for “{q.trim()}”
            {d.total > d.items.length ? `, the best ${d.items.length} shown — ` : ' '}
            {d.total > d.items.length && (
              <Anchor component={Link} to={`/w/${slug}/library?q=${encodeURIComponent(q.trim())}`} size="xs" underline="always">
                see all in the library
              </Anchor>
            )}
          </Text>
          {d.items.map((asset, i) => (
            <AssetRow key={asset.id} slug={slug} dealId={dealId} asset={asset} note={asset.excerpt} first={i === 0} />
          ))}
        </Stack>
      )}
    </QueryView>
  );
}

function AssetRow({ slug, dealId, asset, note, first }: { slug: string; dealId: string; asset: AssetSummary; note: string; first: boolean }) {
  return (
    <Group
      justify="space-between"
      align="center"
      wrap="wrap"
      gap="sm"
      py="sm"
      style={{ borderTop: first ? undefined : '1px solid var(--mantine-color-gray-3)' }}
    >
      <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/w/${slug}/library/${asset.id}`} fw={600} size="sm">
            {asset.title}
          </Anchor>
          <AssetBadges asset={asset} />
        </Group>
        <Text size="xs" c="dimmed" lineClamp={2}>
          {note}
        </Text>
      </Stack>
      <Button
        component={Link}
        to={`/w/${slug}/library/${asset.id}?share=deal:${dealId}`}
        variant="light"
        size="xs"
        leftSection={<IconShare size={14} />}
        aria-label={`Share ${asset.title} for this deal`}
      >
        Share
      </Button>
    </Group>
  );
}

function NothingFits({ slug, deal }: { slug: string; deal: DealAssets['deal'] | undefined }) {
  const q = deal?.competitors[0]?.name ?? deal?.products[0] ?? '';
  return (
    <Text size="sm" c="dimmed">
      Nothing published is tagged for this deal’s competitors, stage, products, segment or region yet.{' '}
      <Anchor component={Link} to={`/w/${slug}/library${q ? `?q=${encodeURIComponent(q)}` : ''}`} size="sm" underline="always">
        Search the library
      </Anchor>{' '}
      or ask marketing for what you need.
    </Text>
  );
}
