import { Link } from 'react-router-dom';
import { Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { ASSET_TYPE_LABELS, type AssetDetail, type AssetSummary } from '@tandem/contracts';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { formatDay } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useAssetActions } from '../../hooks/use-assets.ts';

type Freshness = AssetSummary['freshness'];

const BADGE: Record<Freshness['state'], { color: string; label: string }> = {
  fresh: { color: 'teal', label: 'Fresh' },
  due_soon: { color: 'yellow', label: 'Review due soon' },
  overdue: { color: 'red', label: 'Review overdue' },
  not_published: { color: 'gray', label: 'Not published' },
};

export function FreshnessBadge({ freshness, size = 'md' }: { freshness: Freshness; size?: 'sm' | 'md' | 'lg' }) {
  const b = BADGE[freshness.state];
  return (
    <Badge color={b.color} variant={freshness.state === 'overdue' ? 'filled' : 'light'} size={size} tt="none">
      {b.label}
    </Badge>
  );
}

/** The review clock in one sentence: "Review overdue since 3 Mar — Priya owns it". */
export function freshnessSentence(asset: Pick<AssetSummary, 'freshness' | 'owner'>): string {
  const f = asset.freshness;
  const owner = asset.owner ? `${asset.owner.name.split(' ')[0]} owns it` : 'nobody owns it';
  switch (f.state) {
    case 'overdue':
      return `Review overdue since ${formatDay(f.reviewBy, 'short')} — ${owner}`;
    case 'due_soon':
      return `Review due ${formatDay(f.reviewBy, 'short')} — ${owner}`;
    case 'fresh':
      return f.reviewBy ? `Next review by ${formatDay(f.reviewBy)}` : 'No review date';
    case 'not_published':
      return 'Not published yet: the review clock starts at the first publish';
    default: {
      const never: never = f.state;
      return never;
    }
  }
}

/** The freshness line of the asset page, with "Verify" for writers of published material. */
export function FreshnessPanel({ asset }: { asset: AssetDetail }) {
  const ws = useWorkspace();
  const f = asset.freshness;
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <FreshnessBadge freshness={f} />
        <Text size="sm" fw={f.state === 'overdue' ? 600 : undefined} c={f.state === 'overdue' ? 'red.8' : undefined}>
          {freshnessSentence(asset)}
        </Text>
      </Group>
      {f.verifiedAt && (
        <Text size="xs" c="dimmed">
          Last verified {formatDay(f.verifiedAt.slice(0, 10))}
          {f.verifiedBy ? ` by ${f.verifiedBy.name}` : ''}
        </Text>
      )}
      {asset.status === 'published' && (
        <Text size="xs" c="dimmed">
          Review period for the type {ASSET_TYPE_LABELS[asset.type]}: {asset.reviewDays} days
          {ws.can('library.settings') && (
            <>
              {' · '}
              <Anchor component={Link} to={`/w/${ws.slug}/library/settings`} size="xs" underline="always">
                change
              </Anchor>
            </>
          )}
        </Text>
      )}
      {asset.permissions.verify && <VerifyButton asset={asset} />}
    </Stack>
  );
}

function VerifyButton({ asset }: { asset: AssetDetail }) {
  const ws = useWorkspace();
  const { verify } = useAssetActions(ws.slug, asset.id);
  return (
    <Tooltip label={`Still right as it is? Verifying moves the next review to ${asset.reviewDays} days from today.`} withArrow multiline w={260}>
      <Button
        size="xs"
        variant={asset.freshness.state === 'overdue' ? 'filled' : 'light'}
        leftSection={<IconCircleCheck size={16} />}
        loading={verify.isPending}
        style={{ alignSelf: 'flex-start' }}
        onClick={() =>
          verify.mutate(undefined, {
            onSuccess: (a) => notifySuccess(`Verified. Next review by ${formatDay(a.freshness.reviewBy)}.`),
            onError: (e) => notifyError(e, 'Could not verify'),
          })
        }
      >
        Verify
      </Button>
    </Tooltip>
  );
}
