import { PageHeader } from '../../../app/components/page-header.tsx';

export function DealsPage() {
  return <PageHeader title="Deals" />;
}
