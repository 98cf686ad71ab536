import { PageHeader } from '../../../../app/components/page-header.tsx';

export function LibraryPage() {
  return <PageHeader title="Library" />;
}
