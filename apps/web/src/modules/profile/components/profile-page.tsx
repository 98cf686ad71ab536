import { useMemo, useState, type FormEvent } from 'react';
import { Anchor, Button, Card, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { z } from 'zod';
import { Password, UpdateProfileRequest } from '@tandem/contracts';
import { notifySuccess } from '../../../app/components/notify.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { FormError } from '../../../app/components/query-state.tsx';
import { err, useFormState } from '../../../app/forms.ts';
import { browserTimeZone } from '../../../app/format.ts';
import { useRequiredSession, useSession } from '../../../app/session.tsx';
import { profileApi } from '../api/profile.api.ts';
import { timeZoneOptions } from './time-zones.ts';

export function ProfilePage() {
  return (
    <>
      <PageHeader title="Profile" description="Your name, email and time zone apply in every workspace you belong to." />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ProfileForm />
        <PasswordForm />
      </SimpleGrid>
    </>
  );
}

function ProfileForm() {
  const session = useRequiredSession();
  const { refresh } = useSession();
  const user = session.user;
  const form = useFormState({ name: user.name, email: user.email, timeZone: user.timeZone });
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => timeZoneOptions(user.timeZone), [user.timeZone]);
  const detected = browserTimeZone();
  const dirty = form.values.name !== user.name || form.values.email !== user.email || form.values.timeZone !== user.timeZone;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body = form.validate(UpdateProfileRequest);
    if (!body) return;
    setSaving(true);
    try {
      const updated = await profileApi.update(body);
      await refresh();
      form.reset({ name: updated.name, email: updated.email, timeZone: updated.timeZone });
      notifySuccess('Your profile is saved.');
    } catch (error) {
      form.showServerError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h4">
            Your details
          </Title>
          <FormError message={form.formError} />
          <TextInput
            label="Name"
            autoComplete="name"
            required
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={err(form.errors, 'name')}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            description="You sign in with this address."
            required
            value={form.values.email}
            onChange={(e) => form.set('email', e.currentTarget.value)}
            error={err(form.errors, 'email')}
          />
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
            value={form.values.timeZone}
            onChange={(v) => v && form.set('timeZone', v)}
            error={err(form.errors, 'timeZone')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={saving} disabled={!dirty}>
              Save profile
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const PasswordForm_ = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password'), newPassword: Password, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });

function PasswordForm() {
  const form = useFormState({ currentPassword: '', newPassword: '', confirm: '' });
  const [saving, setSaving] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = form.validate(PasswordForm_);
    if (!parsed) return;
    setSaving(true);
    try {
      await profileApi.changePassword({ currentPassword: parsed.currentPassword, newPassword: parsed.newPassword });
      form.reset();
      notifySuccess('Use your new password next time you sign in.', 'Password changed');
    } catch (error) {
      form.showServerError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h4">
            Change password
          </Title>
          <FormError message={form.formError} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={form.values.currentPassword}
            onChange={(e) => form.set('currentPassword', e.currentTarget.value)}
            error={err(form.errors, 'currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            value={form.values.newPassword}
            onChange={(e) => form.set('newPassword', e.currentTarget.value)}
            error={err(form.errors, 'newPassword')}
          />
          <PasswordInput
            label="Confirm new password"
            autoComplete="new-password"
            required
            value={form.values.confirm}
            onChange={(e) => form.set('confirm', e.currentTarget.value)}
            error={err(form.errors, 'confirm')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
