import { Link } from 'react-router-dom';
import { Button, Card, EmptyState } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import { PageHeader } from '../../../app/components/page-header.tsx';

/** A deal or account that is not (or no longer) in this workspace: say so, and offer the way back. */
export function RecordNotFound({ what, slug }: { what: 'deal' | 'account'; slug: string }) {
  return (
    <>
      <PageHeader title={what === 'deal' ? 'Deal not found' : 'Account not found'} />
      <Card withBorder radius="md" p="xl">
        <EmptyState
          icon={<IconSearchOff size={28} />}
          title={`This ${what} is not in this workspace`}
          description={`It may have been removed by a later import, or the link may belong to another workspace or be incomplete.`}
        >
          <EmptyState.Actions>
            <Button component={Link} to={`/w/${slug}/deals`}>
              Back to deals
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    </>
  );
}
