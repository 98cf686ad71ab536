import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Button, Group, PasswordInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { z } from 'zod';
import { Email, Password, UpdateProfileRequest } from '@tandem/contracts';
import { FormCard } from '../../../app/components/form-card.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { PasswordWithConfirm, withConfirm } from '../../../app/components/password-with-confirm.tsx';
import { useFormState } from '../../../app/forms.ts';
import { browserTimeZone } from '../../../app/kit/index.ts';
import { useRequiredSession, useSession } from '../../../app/session.tsx';
import { useChangeEmail, useChangePassword, useUpdateProfile } from '../hooks/use-profile.ts';
import { timeZoneOptions } from './time-zones.ts';

export function ProfilePage() {
  const { slug = '' } = useParams();
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your name, sign-in email and time zone apply in every workspace you belong to."
        actions={
          <Button component={Link} to={`/w/${slug}/profile/notifications`} variant="default">
            Notifications
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ProfileForm />
        <PasswordForm />
        <EmailForm />
      </SimpleGrid>
    </>
  );
}

function ProfileForm() {
  const session = useRequiredSession();
  const { refresh } = useSession();
  const updateProfile = useUpdateProfile();
  const user = session.user;
  const form = useFormState({ name: user.name, timeZone: user.timeZone });
  const zones = useMemo(() => timeZoneOptions(user.timeZone), [user.timeZone]);
  const detected = browserTimeZone();
  const dirty = form.values.name !== user.name || form.values.timeZone !== user.timeZone;

  const onSubmit = form.handleSubmit(UpdateProfileRequest, async (body) => {
    const updated = await updateProfile.mutateAsync(body);
    await refresh();
    form.reset({ name: updated.name, timeZone: updated.timeZone });
    notifySuccess('Your profile is saved.');
  });

  return (
    <FormCard title="Your details" onSubmit={onSubmit} error={form.formError}>
      <TextInput label="Name" autoComplete="name" required {...form.input('name')} />
      <Select
        label="Time zone"
        description={
          form.values.timeZone !== detected ? (
            <>
              Dates and times are shown in this zone. Your browser says {detected}.{' '}
              <Anchor component="button" type="button" size="xs" onClick={() => form.set('timeZone', detected)}>
                Use {detected}
              </Anchor>
            </>
          ) : (
            'Dates and times are shown in this zone.'
          )
        }
        data={zones}
        searchable
        allowDeselect={false}
        limit={100}
        nothingFoundMessage="No time zone by that name"
        {...form.field('timeZone')}
        onChange={(v) => v && form.set('timeZone', v)}
      />
      <Group justify="flex-end">
        <Button type="submit" loading={form.submitting} disabled={!dirty}>
          Save profile
        </Button>
      </Group>
    </FormCard>
  );
}

const EmailForm_ = z.object({ email: Email, currentPassword: z.string().min(1, 'Enter your current password') });

/** The sign-in email changes only once the new address confirms: this form sends the link. */
function EmailForm() {
  const session = useRequiredSession();
  const form = useFormState({ email: '', currentPassword: '' });
  const changeEmail = useChangeEmail();
  const [sent, setSent] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(EmailForm_, async (body) => {
    const res = await changeEmail.mutateAsync(body);
    form.reset();
    setSent(res.pendingEmail);
  });

  return (
    <FormCard title="Sign-in email" onSubmit={onSubmit} error={form.formError}>
      <Text size="sm">
        You sign in with <strong>{session.user.email}</strong>.
      </Text>
      {sent && (
        <Alert color="blue" variant="light" role="status" title="Check the new address">
          We sent a confirmation link to {sent}. Your sign-in email changes when you open that link. We also told {session.user.email}.
        </Alert>
      )}
      <TextInput label="New email" type="email" autoComplete="email" required {...form.input('email')} />
      <PasswordInput label="Your password" description="To show it is you asking" autoComplete="current-password" required {...form.input('currentPassword')} />
      <Group justify="flex-end">
        <Button type="submit" loading={form.submitting}>
          Send confirmation link
        </Button>
      </Group>
    </FormCard>
  );
}

const PasswordForm_ = withConfirm(
  { currentPassword: z.string().min(1, 'Enter your current password'), newPassword: Password },
  'newPassword',
);

function PasswordForm() {
  const form = useFormState({ currentPassword: '', newPassword: '', confirm: '' });
  const changePassword = useChangePassword();

  const onSubmit = form.handleSubmit(PasswordForm_, async (parsed) => {
    await changePassword.mutateAsync({ currentPassword: parsed.currentPassword, newPassword: parsed.newPassword });
    form.reset();
    notifySuccess('Use your new password next time you sign in.', 'Password changed');
  });

  return (
    <FormCard title="Change password" onSubmit={onSubmit} error={form.formError}>
      <PasswordInput label="Current password" autoComplete="current-password" required {...form.input('currentPassword')} />
      <PasswordWithConfirm form={form} field="newPassword" label="New password" confirmLabel="Confirm new password" />
      <Group justify="flex-end">
        <Button type="submit" loading={form.submitting}>
          Change password
        </Button>
      </Group>
    </FormCard>
  );
}
