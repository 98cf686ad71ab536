import { Link } from 'react-router-dom';
import { Button, Card } from '@mantine/core';
import { IconSearchOff } from '@tabler/icons-react';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { EmptyResult } from '../../../app/kit/index.ts';

/** A deal or account that is not (or no longer) in this workspace: say so, and offer the way back. */
export function RecordNotFound({ what, slug }: { what: 'deal' | 'account'; slug: string }) {
  return (
    <>
      <PageHeader title={what === 'deal' ? 'Deal not found' : 'Account not found'} />
      <Card withBorder radius="md" p="xl">
        <EmptyResult
          icon={<IconSearchOff size={28} />}
          title={`This ${what} is not in this workspace`}
          description="It may have been removed by a later import, or the link may belong to another workspace or be incomplete."
          action={
            <Button component={Link} to={`/w/${slug}/deals`}>
              Back to deals
            </Button>
          }
        />
      </Card>
    </>
  );
}
