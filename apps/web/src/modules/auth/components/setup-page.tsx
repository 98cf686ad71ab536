import { Navigate, useNavigate } from 'react-router-dom';
import { Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SetupRequest } from '@tandem/contracts';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { FullPageLoader } from '../../../app/components/full-page-loader.tsx';
import { FormError, QueryError } from '../../../app/components/query-state.tsx';
import { useFormState } from '../../../app/forms.ts';
import { rememberWorkspace } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { useSlugFields } from '../../../app/use-slug-fields.ts';
import { authApi, setupStatusKey } from '../api/auth.api.ts';

export function SetupPage() {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: setupStatusKey, queryFn: authApi.setupStatus });
  const form = useFormState({ name: '', email: '', password: '', workspaceName: '', workspaceSlug: '' });
  const slugFields = useSlugFields(form, 'workspaceName', 'workspaceSlug');

  if (status.isPending) return <FullPageLoader />;
  if (status.isError) {
    return (
      <AuthLayout title="Set up Tandem">
        <QueryError error={status.error} onRetry={() => void status.refetch()} />
      </AuthLayout>
    );
  }
  // While submitting, setup completes just before we leave for the new workspace: don't go to sign-in.
  if (!status.data.needsSetup && !form.submitting) return <Navigate to="/login" replace />;

  const onSubmit = form.handleSubmit(
    SetupRequest,
    async (body) => {
      const session = await authApi.setup(body);
      queryClient.setQueryData(setupStatusKey, { needsSetup: false });
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
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <Text fw={600} size="sm">
            Your admin account
          </Text>
          <TextInput label="Your name" autoComplete="name" required autoFocus {...form.input('name')} />
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
