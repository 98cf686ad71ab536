import { useState } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { DisputeStatus } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { QueryView } from '../../../app/kit/index.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useDisputes } from '../hooks/use-attribution.ts';
import { DisputeCard } from './deal-credit-page.tsx';

/** Every credit dispute, newest first: open ones wait for an admin; resolved ones keep their reason and adjustment. */
export function DisputesPage() {
  const ws = useWorkspace();
  const [status, setStatus] = useState<DisputeStatus | 'all'>('open');
  const disputes = useDisputes(ws.slug, status === 'all' ? undefined : status);
  return (
    <>
      <PageHeader title="Credit disputes" description="Anyone may dispute a touchpoint or a deal's split; an admin accepts with an adjustment or rejects with a reason, and both sides are told. Open a deal to resolve its dispute." />
      <Stack gap="md">
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={(v) => setStatus(v as DisputeStatus | 'all')}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'accepted', label: 'Accepted' },
            { value: 'rejected', label: 'Rejected' },
            { value: 'all', label: 'All' },
          ]}
        />
        <QueryView query={disputes} error="Could not load the disputes">
          {(d) => (d.items.length === 0 ? <Text c="dimmed">No disputes here.</Text> : d.items.map((x) => <DisputeCard key={x.id} dispute={x} />))}
        </QueryView>
      </Stack>
    </>
  );
}
