import { PageHeader } from '../../../../app/components/page-header.tsx';

export function CompetitorPage() {
  return <PageHeader title="Competitor" />;
}
