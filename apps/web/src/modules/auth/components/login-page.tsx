import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { isApiError } from '../../../app/api-error.ts';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { FormError } from '../../../app/kit/index.ts';
import { useFormState } from '../../../app/forms.ts';
import { landingPath, safeNextPath } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { useFirstFocus } from '../../../app/use-first-focus.ts';
import { SsoSignIn } from '../../sso/index.ts';
import { useLogin, useSetupStatus } from '../hooks/use-auth.ts';

/** The form's schema, loaded when the form is first used (see SchemaSource). */
const loginRequest = () => import('../request-schemas.ts').then((m) => m.LoginRequest);

export function LoginPage() {
  const { session, signedIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));
  const form = useFormState({ email: '', password: '' });
  const setup = useSetupStatus({ staleTime: 30_000 });
  const login = useLogin();
  const firstField = useFirstFocus<HTMLInputElement>();

  if (session) return <Navigate to={next ?? landingPath(session)} replace />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;

  const onSubmit = form.handleSubmit(
    loginRequest,
    async (body) => {
      const s = await login.mutateAsync(body);
      signedIn(s);
      navigate(next ?? landingPath(s), { replace: true });
    },
    {
      onError: (error) => {
        if (isApiError(error) && error.status === 429 && error.problem.retryAfterSeconds) {
          const wait = error.problem.retryAfterSeconds;
          form.setFormError(
            `${error.problem.detail ?? 'Too many sign-in attempts.'} Try again in ${wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.`,
          );
        }
        if (isApiError(error) && error.status === 401) form.set('password', '');
      },
    },
  );

  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Sign in to your Tandem workspace.">
      <form onSubmit={onSubmit} onInput={() => void loginRequest()} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <TextInput label="Email" type="email" autoComplete="username" required ref={firstField} {...form.input('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.input('password')} />
          <Button type="submit" loading={form.submitting} fullWidth>
            Sign in
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            Forgot your password? Ask your workspace admin for a reset link.
          </Text>
        </Stack>
      </form>
      <SsoSignIn />
    </AuthLayout>
  );
}
