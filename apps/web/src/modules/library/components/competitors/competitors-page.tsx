import { PageHeader } from '../../../../app/components/page-header.tsx';

export function CompetitorsPage() {
  return <PageHeader title="Competitors" />;
}
