import { PageHeader } from '../../../../app/components/page-header.tsx';

export function AssetEditorPage() {
  return <PageHeader title="New asset" />;
}
