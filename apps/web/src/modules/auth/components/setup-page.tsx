import { Navigate, useNavigate } from 'react-router-dom';
import { Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { FullPageLoader } from '../../../app/components/full-page-loader.tsx';
import { FormError, QueryView } from '../../../app/kit/index.ts';
import { useFormState } from '../../../app/forms.ts';
import { rememberWorkspace } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { useFirstFocus } from '../../../app/use-first-focus.ts';
import { useSlugFields } from '../../../app/use-slug-fields.ts';
import { useSetup, useSetupStatus } from '../hooks/use-auth.ts';

/** The form's schema, loaded when the form is first used (see SchemaSource). */
const setupRequest = () => import('../request-schemas.ts').then((m) => m.SetupRequest);

export function SetupPage() {
  const status = useSetupStatus();
  return (
    <QueryView query={status} skeleton={<FullPageLoader />} renderError={(box) => <AuthLayout title="Set up Tandem">{box}</AuthLayout>}>
      {(s) => <SetupForm needsSetup={s.needsSetup} />}
    </QueryView>
  );
}

function SetupForm({ needsSetup }: { needsSetup: boolean }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const setup = useSetup();
  const form = useFormState({ name: '', email: '', password: '', workspaceName: '', workspaceSlug: '' });
  const slugFields = useSlugFields(form, 'workspaceName', 'workspaceSlug');
  const firstField = useFirstFocus<HTMLInputElement>();

  // While submitting, setup completes just before we leave for the new workspace: don't go to sign-in.
  if (!needsSetup && !form.submitting) return <Navigate to="/login" replace />;

  const onSubmit = form.handleSubmit(
    setupRequest,
    async (body) => {
      const session = await setup.mutateAsync(body);
      signedIn(session);
      rememberWorkspace(body.workspaceSlug);
      navigate(`/w/${body.workspaceSlug}`, { replace: true });
    },
    { leaves: true },
  );

  return (
    <AuthLayout
      title="Set up Tandem"
      subtitle="Create the first admin account and your workspace. You can invite your team right after."
      width={480}
    >
      <form onSubmit={onSubmit} onInput={() => void setupRequest()} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <Text fw={600} size="sm">
            Your admin account
          </Text>
          <TextInput label="Your name" autoComplete="name" required ref={firstField} {...form.input('name')} />
          <TextInput label="Work email" type="email" autoComplete="username" required {...form.input('email')} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            {...form.input('password')}
          />
          <Divider />
          <Text fw={600} size="sm">
            Your workspace
          </Text>
          <TextInput
            label="Workspace name"
            description="Usually your company or revenue team, e.g. “Acme Revenue”"
            required
            {...slugFields.name}
          />
          <TextInput
            label="Workspace URL"
            description={`Lowercase letters, digits and hyphens. Your workspace lives at /w/${form.values.workspaceSlug || 'your-workspace'}`}
            required
            {...slugFields.slug}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Create account and workspace
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
