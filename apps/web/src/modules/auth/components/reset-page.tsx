import { useNavigate, useParams } from 'react-router-dom';
import { Button, Stack, TextInput } from '@mantine/core';
import { Password, type PasswordResetPreview } from '@tandem/contracts';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { FullPageLoader } from '../../../app/components/full-page-loader.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { PasswordWithConfirm, withConfirm } from '../../../app/components/password-with-confirm.tsx';
import { FormError, QueryView } from '../../../app/kit/index.ts';
import { useFormState } from '../../../app/forms.ts';
import { landingPath } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { useCompletePasswordReset, usePasswordResetPreview } from '../hooks/use-auth.ts';
import { LinkUnavailable } from './link-unavailable.tsx';

const ResetForm = withConfirm({ password: Password }, 'password');

export function ResetPage() {
  const { token = '' } = useParams();
  const preview = usePasswordResetPreview(token);
  return (
    <QueryView
      query={preview}
      skeleton={<FullPageLoader />}
      renderError={(_, error) => (
        <LinkUnavailable title="This reset link can’t be used" errorTitle="Reset link not available" error={error}>
          Reset links expire after a while and work once. Ask your workspace admin for a new one.
        </LinkUnavailable>
      )}
    >
      {(p) => <ChooseNewPassword token={token} preview={p} />}
    </QueryView>
  );
}

function ChooseNewPassword({ token, preview }: { token: string; preview: PasswordResetPreview }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const complete = useCompletePasswordReset(token);
  const form = useFormState({ password: '', confirm: '' });

  const onSubmit = form.handleSubmit(
    ResetForm,
    async (parsed) => {
      const session = await complete.mutateAsync(parsed.password);
      signedIn(session);
      notifySuccess('Your new password is set.');
      navigate(landingPath(session), { replace: true });
    },
    { leaves: true },
  );

  return (
    <AuthLayout title="Choose a new password" subtitle={`For ${preview.name}. You’ll be signed in afterwards.`}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput label="Email" value={preview.email} readOnly disabled />
          <PasswordWithConfirm form={form} field="password" label="New password" confirmLabel="Confirm new password" autoFocus />
          <Button type="submit" loading={form.submitting} fullWidth>
            Set password and sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
