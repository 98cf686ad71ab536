import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SetupRequest } from '@tandem/contracts';
import { AuthLayout } from '../../../app/components/auth-layout.tsx';
import { FormError, QueryError } from '../../../app/components/query-state.tsx';
import { err, useFormState } from '../../../app/forms.ts';
import { slugify } from '../../../app/format.ts';
import { rememberWorkspace } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { authApi, setupStatusKey } from '../api/auth.api.ts';
import { FullPageLoader } from '../../../app/components/full-page-loader.tsx';

export function SetupPage() {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: setupStatusKey, queryFn: authApi.setupStatus });
  const form = useFormState({ name: '', email: '', password: '', workspaceName: '', workspaceSlug: '' });
  const [slugEdited, setSlugEdited] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  if (status.isPending) return <FullPageLoader />;
  if (status.isError) {
    return (
      <AuthLayout title="Set up Tandem">
        <QueryError error={status.error} onRetry={() => void status.refetch()} />
      </AuthLayout>
    );
  }
  if (!status.data.needsSetup && !submitting) return <Navigate to="/login" replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body = form.validate(SetupRequest);
    if (!body) return;
    setSubmitting(true);
    try {
      const session = await authApi.setup(body);
      queryClient.setQueryData(setupStatusKey, { needsSetup: false });
      signedIn(session);
      rememberWorkspace(body.workspaceSlug);
      navigate(`/w/${body.workspaceSlug}`, { replace: true });
    } catch (error) {
      form.showServerError(error);
      setSubmitting(false);
    }
  }

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
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            autoFocus
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={err(form.errors, 'name')}
          />
          <TextInput
            label="Work email"
            type="email"
            autoComplete="username"
            required
            value={form.values.email}
            onChange={(e) => form.set('email', e.currentTarget.value)}
            error={err(form.errors, 'email')}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            value={form.values.password}
            onChange={(e) => form.set('password', e.currentTarget.value)}
            error={err(form.errors, 'password')}
          />
          <Divider />
          <Text fw={600} size="sm">
            Your workspace
          </Text>
          <TextInput
            label="Workspace name"
            description="Usually your company or revenue team, e.g. “Acme Revenue”"
            required
            value={form.values.workspaceName}
            onChange={(e) => {
              const value = e.currentTarget.value;
              form.set('workspaceName', value);
              if (!slugEdited) form.set('workspaceSlug', slugify(value));
            }}
            error={err(form.errors, 'workspaceName')}
          />
          <TextInput
            label="Workspace URL"
            description={`Lowercase letters, digits and hyphens. Your workspace lives at /w/${form.values.workspaceSlug || 'your-workspace'}`}
            required
            value={form.values.workspaceSlug}
            onChange={(e) => {
              setSlugEdited(true);
              form.set('workspaceSlug', e.currentTarget.value.toLowerCase());
            }}
            error={err(form.errors, 'workspaceSlug')}
          />
          <Button type="submit" loading={submitting} fullWidth>
            Create account and workspace
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
