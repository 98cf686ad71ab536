import { PageHeader } from '../../../../app/components/page-header.tsx';

export function AssetPage() {
  return <PageHeader title="Asset" />;
}
