import { useNavigate, useParams } from 'react-router-dom';
import { Button, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Password } from '@tandem/contracts';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { FullPageLoader } from '../../../app/components/full-page-loader.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { PasswordWithConfirm, withConfirm } from '../../../app/components/password-with-confirm.tsx';
import { FormError } from '../../../app/components/query-state.tsx';
import { useFormState } from '../../../app/forms.ts';
import { landingPath } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { authApi } from '../api/auth.api.ts';
import { LinkUnavailable } from './link-unavailable.tsx';

const ResetForm = withConfirm({ password: Password }, 'password');

export function ResetPage() {
  const { token = '' } = useParams();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const preview = useQuery({ queryKey: ['password-reset', token], queryFn: () => authApi.passwordReset(token), retry: false });
  const form = useFormState({ password: '', confirm: '' });

  if (preview.isPending) return <FullPageLoader />;
  if (preview.isError) {
    return (
      <LinkUnavailable title="This reset link can’t be used" errorTitle="Reset link not available" error={preview.error}>
        Reset links expire after a while and work once. Ask your workspace admin for a new one.
      </LinkUnavailable>
    );
  }

  const onSubmit = form.handleSubmit(
    ResetForm,
    async (parsed) => {
      const session = await authApi.completePasswordReset(token, parsed.password);
      signedIn(session);
      notifySuccess('Your new password is set.');
      navigate(landingPath(session), { replace: true });
    },
    { leaves: true },
  );

  return (
    <AuthLayout title="Choose a new password" subtitle={`For ${preview.data.name}. You’ll be signed in afterwards.`}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput label="Email" value={preview.data.email} readOnly disabled />
          <PasswordWithConfirm form={form} field="password" label="New password" confirmLabel="Confirm new password" autoFocus />
          <Button type="submit" loading={form.submitting} fullWidth>
            Set password and sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
