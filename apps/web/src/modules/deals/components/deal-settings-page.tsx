import { PageHeader } from '../../../app/components/page-header.tsx';

export function DealSettingsPage() {
  return <PageHeader title="Stages and exchange rates" />;
}
