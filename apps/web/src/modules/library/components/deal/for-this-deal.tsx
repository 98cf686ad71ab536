import { Link } from 'react-router-dom';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import type { DealAssets } from '@tandem/contracts';
import { QueryView, TableSkeleton } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDealAssets } from '../../hooks/use-search.ts';
import { AssetBadges } from '../library/asset-results.tsx';

/**
 * "For this deal" on a deal page: published material whose tags fit the deal, best first, each saying why it fits
 * and one click from sharing (the asset page opens its share form for this deal: `?share=deal:<dealId>`).
 */
export function ForThisDealPanel({ dealId }: { dealId: string }) {
  const ws = useWorkspace();
  const assets = useDealAssets(ws.slug, dealId);
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="for-this-deal">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} size="h4" id="for-this-deal">
            For this deal
          </Title>
          <Text size="sm" c="dimmed">
            Published material tagged for its competitors, stage, products, segment or region — the best fit first.
          </Text>
        </Stack>
        <QueryView
          query={assets}
          skeleton={<TableSkeleton rows={3} />}
          error="Could not load the material for this deal"
          empty={{
            when: (d) => d.items.length === 0,
            content: <NothingFits slug={ws.slug} deal={assets.data?.deal} />,
          }}
        >
          {(d) => (
            <Stack gap={0}>
              {d.items.map((item, i) => (
                <Group
                  key={item.asset.id}
                  justify="space-between"
                  align="center"
                  wrap="wrap"
                  gap="sm"
                  py="sm"
                  style={{ borderTop: i ? '1px solid var(--mantine-color-gray-3)' : undefined }}
                >
                  <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
                    <Group gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/w/${ws.slug}/library/${item.asset.id}`} fw={600} size="sm">
                        {item.asset.title}
                      </Anchor>
                      <AssetBadges asset={item.asset} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {item.why}
                    </Text>
                  </Stack>
                  <Button
                    component={Link}
                    to={`/w/${ws.slug}/library/${item.asset.id}?share=deal:${dealId}`}
                    variant="light"
                    size="xs"
                    leftSection={<IconShare size={14} />}
                    aria-label={`Share ${item.asset.title} for this deal`}
                  >
                    Share
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </QueryView>
      </Stack>
    </Card>
  );
}

function NothingFits({ slug, deal }: { slug: string; deal: DealAssets['deal'] | undefined }) {
  const q = deal?.competitors[0]?.name ?? deal?.products[0] ?? '';
  return (
    <Text size="sm" c="dimmed">
      Nothing published is tagged for this deal’s competitors, stage, products, segment or region yet.{' '}
      <Anchor component={Link} to={`/w/${slug}/library${q ? `?q=${encodeURIComponent(q)}` : ''}`} size="sm">
        Search the library
      </Anchor>{' '}
      or ask marketing for what you need.
    </Text>
  );
}
