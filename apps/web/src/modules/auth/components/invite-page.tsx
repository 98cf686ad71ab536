import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Password, PersonName, ROLE_LABELS, type InvitationPreview } from '@tandem/contracts';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { FullPageLoader } from '../../../app/components/full-page-loader.tsx';
import { FormError, QueryError } from '../../../app/components/query-state.tsx';
import { err, useFormState } from '../../../app/forms.ts';
import { rememberWorkspace } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { authApi } from '../api/auth.api.ts';

const NewAccountForm = z
  .object({ name: PersonName, password: Password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });
const ExistingAccountForm = z.object({ password: z.string().min(1, 'Enter your password') });

export function InvitePage() {
  const { token = '' } = useParams();
  const preview = useQuery({ queryKey: ['invitation', token], queryFn: () => authApi.invitation(token), retry: false });

  if (preview.isPending) return <FullPageLoader />;
  if (preview.isError) {
    return (
      <AuthLayout title="This invitation can’t be used">
        <QueryError error={preview.error} title="Invitation not available" />
        <Text size="sm" c="dimmed">
          Invitations expire and can be revoked. Ask the admin who invited you for a new link.
        </Text>
        <Anchor component={Link} to="/login" size="sm">
          Go to sign in
        </Anchor>
      </AuthLayout>
    );
  }
  return <AcceptInvitation token={token} preview={preview.data} />;
}

function AcceptInvitation({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const form = useFormState({ name: preview.suggestedName ?? '', password: '', confirm: '' });
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = preview.existingUser ? form.validate(ExistingAccountForm) : form.validate(NewAccountForm);
    if (!parsed) return;
    setSubmitting(true);
    try {
      const body = preview.existingUser
        ? { password: parsed.password }
        : { name: (parsed as z.output<typeof NewAccountForm>).name, password: parsed.password };
      const s = await authApi.acceptInvitation(token, body);
      signedIn(s);
      rememberWorkspace(preview.workspaceSlug);
      navigate(`/w/${preview.workspaceSlug}`, { replace: true });
    } catch (error) {
      form.showServerError(error);
      setSubmitting(false);
    }
  }

  return (
    <AuthLayout
      title={`Join ${preview.workspaceName}`}
      subtitle={
        preview.existingUser
          ? 'You already have a Tandem account. Enter its password to join this workspace.'
          : 'Choose your name and a password to create your account.'
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
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput label="Email" value={preview.email} readOnly disabled />
          {!preview.existingUser && (
            <TextInput
              label="Your name"
              autoComplete="name"
              required
              autoFocus
              value={form.values.name}
              onChange={(e) => form.set('name', e.currentTarget.value)}
              error={err(form.errors, 'name')}
            />
          )}
          <PasswordInput
            label={preview.existingUser ? 'Your password' : 'Choose a password'}
            description={preview.existingUser ? undefined : 'At least 10 characters'}
            autoComplete={preview.existingUser ? 'current-password' : 'new-password'}
            required
            autoFocus={preview.existingUser}
            value={form.values.password}
            onChange={(e) => form.set('password', e.currentTarget.value)}
            error={err(form.errors, 'password')}
          />
          {!preview.existingUser && (
            <PasswordInput
              label="Confirm password"
              autoComplete="new-password"
              required
              value={form.values.confirm}
              onChange={(e) => form.set('confirm', e.currentTarget.value)}
              error={err(form.errors, 'confirm')}
            />
          )}
          <Button type="submit" loading={submitting} fullWidth>
            {preview.existingUser ? 'Sign in and join' : 'Create account and join'}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
