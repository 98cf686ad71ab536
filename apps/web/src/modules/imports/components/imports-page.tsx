import { PageHeader } from '../../../app/components/page-header.tsx';

export function ImportsPage() {
  return <PageHeader title="Import" />;
}
