import { PageHeader } from '../../../../app/components/page-header.tsx';

export function LibraryReportPage() {
  return <PageHeader title="Library report" />;
}
