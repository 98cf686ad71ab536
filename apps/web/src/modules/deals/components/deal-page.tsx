import { PageHeader } from '../../../app/components/page-header.tsx';

export function DealPage() {
  return <PageHeader title="Deal" />;
}
