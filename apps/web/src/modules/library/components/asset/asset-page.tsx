import { Link, useParams } from 'react-router-dom';
import { Anchor, Breadcrumbs, Card, Grid, Stack, Text, Title, Typography } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import type { AssetDetail } from '@tandem/contracts';
import { isApiError } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { EmptyResult, QueryView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { isAssetId, useAsset } from '../../hooks/use-assets.ts';
import { useRecordAssetView } from '../../hooks/use-usage.ts';
import { AssetFiles } from '../files/asset-files.tsx';
import { InfluencePanel } from '../influence/influence-panel.tsx';
import { ShareLinksPanel } from '../shares/share-links-panel.tsx';
import { UsagePanel } from '../usage/usage-panel.tsx';
import { AssetActions, AssetFacts, LinkedThemes } from './asset-facts.tsx';
import { AssetVersions } from './asset-versions.tsx';
import { FreshnessPanel } from './freshness.tsx';

export function AssetPage() {
  const ws = useWorkspace();
  const { assetId } = useParams();
  const asset = useAsset(ws.slug, assetId);
  if (!isAssetId(assetId) || (asset.isError && isApiError(asset.error) && asset.error.status === 404)) return <AssetNotFound slug={ws.slug} />;
  return (
    <QueryView
      query={asset}
      skeleton={<PageSkeleton />}
      renderError={(box) => (
        <>
          <PageHeader title="Asset" />
          {box}
        </>
      )}
    >
      {(data) => <AssetView asset={data} />}
    </QueryView>
  );
}

function AssetView({ asset }: { asset: AssetDetail }) {
  const ws = useWorkspace();
  useRecordAssetView(asset.id);
  const tz = useRequiredSession().user.timeZone;
  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/w/${ws.slug}/library`} size="sm">
          Library
        </Anchor>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {asset.title}
        </Text>
      </Breadcrumbs>
      <PageHeader title={asset.title} documentTitle={`${asset.title} · Library`} actions={<AssetActions asset={asset} />} />
      <Stack gap="lg">
        <AssetFacts asset={asset} tz={tz} />
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <AssetBody asset={asset} />
              <AssetFiles assetId={asset.id} />
              <AssetVersions slug={ws.slug} assetId={asset.id} tz={tz} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="asset-review-title">
                <Stack gap="xs">
                  <Title order={2} size="h4" id="asset-review-title">
                    Review
                  </Title>
                  <FreshnessPanel asset={asset} />
                </Stack>
              </Card>
              <ShareLinksPanel assetId={asset.id} />
              <UsagePanel assetId={asset.id} />
              <LinkedThemes asset={asset} />
              <InfluencePanel assetId={asset.id} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function AssetBody({ asset }: { asset: AssetDetail }) {
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" aria-label="Content">
      {asset.unpublishedChanges && asset.permissions.edit && asset.currentVersion !== null && (
        <Text size="xs" c="dimmed" mb="sm">
          You are reading the working copy: it has changes not yet published. Reps still see version {asset.currentVersion}.
        </Text>
      )}
      {asset.body.trim() ? (
        <Typography p={0} style={{ overflowWrap: 'anywhere' }}>
          {/* bodyHtml is rendered and sanitized on the server (library/markdown.ts): nothing in it runs. */}
          <div dangerouslySetInnerHTML={{ __html: asset.bodyHtml }} />
        </Typography>
      ) : (
        <Text size="sm" c="dimmed">
          No written content{asset.fileCount ? ': see the files.' : ' yet.'}
        </Text>
      )}
    </Card>
  );
}

function AssetNotFound({ slug }: { slug: string }) {
  return (
    <>
      <PageHeader title="Asset not found" />
      <Card withBorder radius="md" p="xl">
        <EmptyResult
          icon={<IconSearchOff size={28} />}
          title="This asset does not exist, or is not published"
          description="It may have been archived, or the link is wrong. Search the library for what you need."
          action={
            <Anchor component={Link} to={`/w/${slug}/library`}>
              Open the library
            </Anchor>
          }
        />
      </Card>
    </>
  );
}
