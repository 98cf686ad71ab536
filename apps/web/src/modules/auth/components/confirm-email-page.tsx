import { Link, useParams } from 'react-router-dom';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { useSession } from '../../../app/session.tsx';
import { useConfirmEmailChange } from '../hooks/use-auth.ts';
import { LinkUnavailable } from './link-unavailable.tsx';

/**
 * The link in the email sent to a new sign-in address. Opening it changes nothing (mail scanners
 * follow links); the button confirms, and the change happens then.
 */
export function ConfirmEmailPage() {
  const { token = '' } = useParams();
  const { session, refresh } = useSession();
  const confirm = useConfirmEmailChange(token);

  if (confirm.isError) {
    return (
      <LinkUnavailable title="This confirmation link can’t be used" errorTitle="Confirmation link not available" error={confirm.error}>
        Confirmation links work once and expire after a day. Ask for the change again on your profile page.
      </LinkUnavailable>
    );
  }
  if (confirm.isSuccess) {
    return (
      <AuthLayout title="Your sign-in email is changed" subtitle={`From now on, sign in with ${confirm.data.email}.`}>
        <Anchor component={Link} to={session ? '/' : '/login'} size="sm">
          {session ? 'Open Tandem' : 'Go to sign in'}
        </Anchor>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Confirm your new sign-in email" subtitle="You asked to sign in to Tandem with this address. Your old address was told.">
      <Stack gap="md">
        <Text size="sm">Press the button to make the change. Until then, you still sign in with your old address.</Text>
        <Button
          fullWidth
          loading={confirm.isPending}
          onClick={() => confirm.mutate(undefined, { onSuccess: () => void (session ? refresh() : undefined) })}
        >
          Use this address to sign in
        </Button>
      </Stack>
    </AuthLayout>
  );
}
