import { PageHeader } from '../../../app/components/page-header.tsx';

export function AccountPage() {
  return <PageHeader title="Account" />;
}
