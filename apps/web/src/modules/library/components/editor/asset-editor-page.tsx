import { useParams } from 'react-router-dom';
import { Card } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import { isApiError } from '../../../../app/api-error.ts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../../app/components/page-skeleton.tsx';
import { EmptyResult, QueryView } from '../../../../app/kit/index.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { isAssetId, useAsset } from '../../hooks/use-assets.ts';
import { AssetEditor } from './asset-editor.tsx';

/** `/library/new` and `/library/:assetId/edit`. */
export function AssetEditorPage() {
  const ws = useWorkspace();
  const { assetId } = useParams();
  const asset = useAsset(ws.slug, assetId);
  if (assetId === undefined) return <AssetEditor key="new" asset={null} />;
  if (!isAssetId(assetId) || (asset.isError && isApiError(asset.error) && asset.error.status === 404)) {
    return (
      <>
        <PageHeader title="Asset not found" />
        <Card withBorder radius="md" p="xl">
          <EmptyResult icon={<IconSearchOff size={28} />} title="There is no such asset to edit" description="The link may be wrong, or the asset was removed." />
        </Card>
      </>
    );
  }
  return (
    <QueryView query={asset} skeleton={<PageSkeleton />}>
      {(data) => <AssetEditor key={data.id} asset={data} />}
    </QueryView>
  );
}
