import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { CreateWorkspaceRequest } from '@tandem/contracts';
import { FormError } from '../../../app/components/query-state.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { err, useFormState } from '../../../app/forms.ts';
import { slugify } from '../../../app/format.ts';
import { rememberWorkspace } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { workspacesApi } from '../api/workspaces.api.ts';
import { CurrencyInput } from './currency-input.tsx';
import { FiscalMonthSelect } from './month-select.tsx';

const INITIAL = { name: '', slug: '', baseCurrency: 'USD', fiscalYearStartMonth: 1 };

export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const form = useFormState(INITIAL);
  const [slugEdited, setSlugEdited] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  function close() {
    form.reset();
    setSlugEdited(false);
    onClose();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body = form.validate(CreateWorkspaceRequest);
    if (!body) return;
    setSubmitting(true);
    try {
      const ws = await workspacesApi.create(body);
      await refresh();
      rememberWorkspace(ws.slug);
      notifySuccess(`You’re the admin of ${ws.name}. Invite your team from People.`, 'Workspace created');
      close();
      navigate(`/w/${ws.slug}`);
    } catch (error) {
      form.showServerError(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Create workspace" centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A workspace has its own people, teams and data. You become its admin.
          </Text>
          <FormError message={form.formError} />
          <TextInput
            label="Workspace name"
            required
            data-autofocus
            value={form.values.name}
            onChange={(e) => {
              const value = e.currentTarget.value;
              form.set('name', value);
              if (!slugEdited) form.set('slug', slugify(value));
            }}
            error={err(form.errors, 'name')}
          />
          <TextInput
            label="Workspace URL"
            description={`Lives at /w/${form.values.slug || 'your-workspace'}`}
            required
            value={form.values.slug}
            onChange={(e) => {
              setSlugEdited(true);
              form.set('slug', e.currentTarget.value.toLowerCase());
            }}
            error={err(form.errors, 'slug')}
          />
          <CurrencyInput
            value={form.values.baseCurrency}
            onChange={(v) => form.set('baseCurrency', v)}
            error={err(form.errors, 'baseCurrency')}
          />
          <FiscalMonthSelect
            value={form.values.fiscalYearStartMonth}
            onChange={(v) => form.set('fiscalYearStartMonth', v)}
            error={err(form.errors, 'fiscalYearStartMonth')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={submitting}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              Create workspace
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
