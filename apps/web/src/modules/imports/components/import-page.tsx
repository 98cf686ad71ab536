import { PageHeader } from '../../../app/components/page-header.tsx';

export function ImportPage() {
  return <PageHeader title="Import" />;
}
