import { Link } from 'react-router-dom';
import { Anchor, Badge, Button, Card, Group, Menu, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconBell, IconBellCheck, IconDots, IconPencil } from '@tabler/icons-react';
import { ASSET_STATUS_LABELS, ASSET_TYPE_LABELS, TAG_FACET_LABELS, THEME_STATUS_LABELS, type AssetDetail, type TagFacet } from '@tandem/contracts';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { formatDateTime } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useAssetActions, useFollowAsset } from '../../hooks/use-assets.ts';
import { FreshnessBadge, freshnessSentence } from './freshness.tsx';

const STATUS_COLOR = { draft: 'gray', published: 'blue', archived: 'dark' } as const;

/** Type, status, version, owner and freshness in one line; the tags below, per facet (competitors link to their pages). */
export function AssetFacts({ asset, tz }: { asset: AssetDetail; tz: string | undefined }) {
  const ws = useWorkspace();
  const plain = (values: string[]) => values.map((label) => ({ key: label, label, to: null as string | null }));
  const facets: [TagFacet, { key: string; label: string; to: string | null }[]][] = [
    ['products', plain(asset.tags.products)],
    ['segments', plain(asset.tags.segments)],
    ['personas', plain(asset.tags.personas)],
    ['competitors', asset.tags.competitors.map((c) => ({ key: c.id, label: c.name, to: `/w/${ws.slug}/competitors/${c.id}` }))],
    ['stages', plain(asset.tags.stages)],
    ['regions', plain(asset.tags.regions)],
  ];
  const shown = facets.filter(([, values]) => values.length > 0);
  return (
    <Stack gap="xs" mt={-8}>
      <Group gap="xs" wrap="wrap">
        <Badge variant="outline" color="gray" tt="none">
          {ASSET_TYPE_LABELS[asset.type]}
        </Badge>
        <Badge color={STATUS_COLOR[asset.status]} variant="light" tt="none">
          {ASSET_STATUS_LABELS[asset.status]}
          {asset.currentVersion ? ` · v${asset.shownVersion ?? asset.currentVersion}` : ''}
        </Badge>
        <FreshnessBadge freshness={asset.freshness} />
        <Text size="sm" c="dimmed">
          {asset.owner ? `Owner: ${asset.owner.name}` : 'No owner'}
          {asset.publishedAt ? ` · published ${formatDateTime(asset.publishedAt, tz)}` : ''}
        </Text>
      </Group>
      {(asset.freshness.state === 'overdue' || asset.freshness.state === 'due_soon') && (
        // Said in words near the top on a phone, where the review card comes after the long body.
        <Text size="sm" fw={600} c={asset.freshness.state === 'overdue' ? 'red.8' : 'yellow.9'} hiddenFrom="md">
          {freshnessSentence(asset)}
        </Text>
      )}
      {shown.length > 0 && (
        <Group gap="md" wrap="wrap" component="dl" style={{ margin: 0 }}>
          {shown.map(([facet, values]) => (
            <Group key={facet} gap={6} wrap="wrap">
              <Text component="dt" size="xs" c="dimmed">
                {TAG_FACET_LABELS[facet]}
              </Text>
              {values.map((v) => (
                <Badge key={v.key} component="dd" variant="light" color="gray" tt="none" style={{ margin: 0 }}>
                  {v.to ? (
                    <Anchor component={Link} to={v.to} size="xs" inherit>
                      {v.label}
                    </Anchor>
                  ) : (
                    v.label
                  )}
                </Badge>
              ))}
            </Group>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** Edit, follow and archive, as the caller may. */
export function AssetActions({ asset }: { asset: AssetDetail }) {
  const ws = useWorkspace();
  const { archive } = useAssetActions(ws.slug, asset.id);
  return (
    <Group gap="sm" wrap="wrap">
      {asset.permissions.follow && <FollowButton asset={asset} />}
      {asset.permissions.edit && (
        <Button component={Link} to={`/w/${ws.slug}/library/${asset.id}/edit`} leftSection={<IconPencil size={16} />} variant="default">
          Edit
        </Button>
      )}
      {asset.permissions.archive && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="subtle" color="gray" px="xs" aria-label="More actions">
              <IconDots size={18} />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconArchive size={16} />}
              onClick={() =>
                archive.mutate(undefined, {
                  onSuccess: () => notifySuccess('Archived: it left search and lists; reps can no longer open it. Publish it again to bring it back.'),
                  onError: (e) => notifyError(e, 'Could not archive'),
                })
              }
            >
              Archive
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

function FollowButton({ asset }: { asset: AssetDetail }) {
  const ws = useWorkspace();
  const follow = useFollowAsset(ws.slug, asset.id);
  const others = asset.followers - (asset.following ? 1 : 0);
  return (
    <Tooltip
      label={`${asset.following ? 'You hear of each new version. Click to stop.' : 'Hear of each new version'} · ${
        others > 0 ? `${others} other ${others === 1 ? 'person follows' : 'people follow'}` : 'nobody else follows'
      }`}
      withArrow
      multiline
      w={240}
    >
      <Button
        variant={asset.following ? 'light' : 'default'}
        leftSection={asset.following ? <IconBellCheck size={16} /> : <IconBell size={16} />}
        aria-pressed={asset.following}
        loading={follow.isPending}
        onClick={() => follow.mutate(!asset.following, { onError: (e) => notifyError(e, 'Could not change following') })}
      >
        {asset.following ? 'Following' : 'Follow'}
      </Button>
    </Tooltip>
  );
}

/** The feedback themes that asked for this material (their links point here). */
export function LinkedThemes({ asset }: { asset: AssetDetail }) {
  const ws = useWorkspace();
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="asset-themes-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="asset-themes-title">
          Feedback it answers
        </Title>
        {asset.themes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No feedback theme links to it yet.
          </Text>
        ) : (
          asset.themes.map((t) => (
            <Group key={t.themeId} gap="xs" wrap="nowrap" justify="space-between">
              <Anchor component={Link} to={`/w/${ws.slug}/feedback/themes/${t.themeId}`} size="sm" lineClamp={1}>
                {t.name}
              </Anchor>
              <Badge size="xs" variant="light" color="gray" tt="none" style={{ flex: 'none' }}>
                {THEME_STATUS_LABELS[t.status]}
              </Badge>
            </Group>
          ))
        )}
      </Stack>
    </Card>
  );
}
