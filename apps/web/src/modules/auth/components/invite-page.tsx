import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { z } from 'zod';
import { Password, PersonName, ROLE_LABELS, type InvitationPreview } from '@tandem/contracts';
import { isApiError } from '../../../app/api-error.ts';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { FullPageLoader } from '../../../app/components/full-page-loader.tsx';
import { PasswordWithConfirm, withConfirm } from '../../../app/components/password-with-confirm.tsx';
import { FormError, QueryView } from '../../../app/kit/index.ts';
import { useFormState } from '../../../app/forms.ts';
import { rememberWorkspace } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { useAcceptInvitation, useInvitationPreview } from '../hooks/use-auth.ts';
import { LinkUnavailable } from './link-unavailable.tsx';

const NewAccountForm = withConfirm({ name: PersonName, password: Password }, 'password');
const ExistingAccountForm = z.object({ password: z.string().min(1, 'Enter your password') });

export function InvitePage() {
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  return (
    <QueryView
      query={preview}
      skeleton={<FullPageLoader />}
      renderError={(_, error) => (
        <LinkUnavailable title="This invitation can’t be used" errorTitle="Invitation not available" error={error}>
          Invitations expire and can be revoked. Ask the admin who invited you for a new link.
        </LinkUnavailable>
      )}
    >
      {(p) => <AcceptInvitation token={token} preview={p} />}
    </QueryView>
  );
}

/**
 * The preview does not say whether the address already has an account (the link may have been
 * forwarded), so the page starts as "create your account"; "I already have an account" — or the
 * server's answer to a submitted password — switches it to signing in with that account.
 */
function AcceptInvitation({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const [existing, setExisting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useFormState({ name: preview.suggestedName ?? '', password: '', confirm: '' });
  const accept = useAcceptInvitation(token);

  function switchToExisting(message: string | null) {
    setExisting(true);
    setNotice(message);
    form.reset({ ...form.values, password: '', confirm: '' });
  }

  const onSubmit = form.handleSubmit(
    existing ? ExistingAccountForm : NewAccountForm,
    async (parsed) => {
      const body = existing
        ? { password: parsed.password }
        : { name: (parsed as z.output<typeof NewAccountForm>).name, password: parsed.password };
      try {
        signedIn(await accept.mutateAsync(body));
      } catch (error) {
        // A new password was refused because the address has an account: ask for that account's password.
        if (!existing && isApiError(error) && error.code === 'AUTH_INVALID_CREDENTIALS') {
          switchToExisting(`${preview.email} already has a Tandem account. Enter its password to join ${preview.workspaceName}.`);
          return;
        }
        if (existing && isApiError(error) && error.status === 401) form.set('password', '');
        throw error;
      }
      rememberWorkspace(preview.workspaceSlug);
      navigate(`/w/${preview.workspaceSlug}`, { replace: true });
    },
    // Not `leaves`: a refused new password keeps the page (it asks for the account's password), so the button must
    // come back; on success the navigation above happens before the form could be sent again.
  );

  return (
    <AuthLayout
      title={`Join ${preview.workspaceName}`}
      subtitle={
        existing
          ? 'Sign in with your Tandem account to join this workspace.'
          : 'Choose your name and a password to create your account. Already have a Tandem account? Sign in with it instead.'
      }
    >
      <Group gap="xs">
        <Text size="sm">You’re invited as</Text>
        <Badge variant="light">{ROLE_LABELS[preview.role]}</Badge>
      </Group>
      {session && session.user.email !== preview.email && (
        <Alert color="yellow" variant="light">
          You’re signed in as {session.user.email}. Accepting signs you in as {preview.email} instead.
        </Alert>
      )}
      {notice && (
        <Alert color="blue" variant="light" role="status">
          {notice}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput label="Email" value={preview.email} readOnly disabled />
          {existing ? (
            <PasswordInput label="Your password" autoComplete="current-password" required autoFocus {...form.input('password')} />
          ) : (
            <>
              <TextInput label="Your name" autoComplete="name" required autoFocus {...form.input('name')} />
              <PasswordWithConfirm form={form} field="password" label="Choose a password" confirmLabel="Confirm password" />
            </>
          )}
          <Button type="submit" loading={form.submitting} fullWidth>
            {existing ? 'Sign in and join' : 'Create account and join'}
          </Button>
          {existing ? (
            <Button
              variant="subtle"
              onClick={() => {
                setExisting(false);
                setNotice(null);
              }}
            >
              I don’t have an account yet
            </Button>
          ) : (
            <Button variant="subtle" onClick={() => switchToExisting(null)}>
              I already have a Tandem account: sign in instead
            </Button>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
