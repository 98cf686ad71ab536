import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Password } from '@tandem/contracts';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { FullPageLoader } from '../../../app/components/full-page-loader.tsx';
import { FormError, QueryError } from '../../../app/components/query-state.tsx';
import { err, useFormState } from '../../../app/forms.ts';
import { landingPath } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { authApi } from '../api/auth.api.ts';

const ResetForm = z
  .object({ password: Password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });

export function ResetPage() {
  const { token = '' } = useParams();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const preview = useQuery({ queryKey: ['password-reset', token], queryFn: () => authApi.passwordReset(token), retry: false });
  const form = useFormState({ password: '', confirm: '' });
  const [submitting, setSubmitting] = useState(false);

  if (preview.isPending) return <FullPageLoader />;
  if (preview.isError) {
    return (
      <AuthLayout title="This reset link can’t be used">
        <QueryError error={preview.error} title="Reset link not available" />
        <Text size="sm" c="dimmed">
          Reset links expire after a while and work once. Ask your workspace admin for a new one.
        </Text>
        <Anchor component={Link} to="/login" size="sm">
          Go to sign in
        </Anchor>
      </AuthLayout>
    );
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = form.validate(ResetForm);
    if (!parsed) return;
    setSubmitting(true);
    try {
      const session = await authApi.completePasswordReset(token, parsed.password);
      signedIn(session);
      notifySuccess('Your new password is set.');
      navigate(landingPath(session), { replace: true });
    } catch (error) {
      form.showServerError(error);
      setSubmitting(false);
    }
  }

  return (
    <AuthLayout title="Choose a new password" subtitle={`For ${preview.data.name}. You’ll be signed in afterwards.`}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput label="Email" value={preview.data.email} readOnly disabled />
          <PasswordInput
            label="New password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            autoFocus
            value={form.values.password}
            onChange={(e) => form.set('password', e.currentTarget.value)}
            error={err(form.errors, 'password')}
          />
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            required
            value={form.values.confirm}
            onChange={(e) => form.set('confirm', e.currentTarget.value)}
            error={err(form.errors, 'confirm')}
          />
          <Button type="submit" loading={submitting} fullWidth>
            Set password and sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
