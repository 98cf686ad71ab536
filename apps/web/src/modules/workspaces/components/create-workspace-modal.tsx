import { useNavigate } from 'react-router-dom';
import { Modal, Text, TextInput } from '@mantine/core';
import { CreateWorkspaceRequest } from '@tandem/contracts';
import { ModalForm } from '../../../app/components/modal-form.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { useFormState } from '../../../app/forms.ts';
import { rememberWorkspace } from '../../../app/landing.ts';
import { useSession } from '../../../app/session.tsx';
import { useSlugFields } from '../../../app/use-slug-fields.ts';
import { useCreateWorkspace } from '../hooks/use-workspace-actions.ts';
import { CurrencyInput } from './currency-input.tsx';
import { FiscalMonthSelect } from './month-select.tsx';

const INITIAL = { name: '', slug: '', baseCurrency: 'USD', fiscalYearStartMonth: 1 };

export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const createWorkspace = useCreateWorkspace();
  const form = useFormState(INITIAL);
  const slugFields = useSlugFields(form, 'name', 'slug');

  function close() {
    form.reset();
    slugFields.reset();
    onClose();
  }

  const onSubmit = form.handleSubmit(CreateWorkspaceRequest, async (body) => {
    const ws = await createWorkspace.mutateAsync(body);
    await refresh();
    rememberWorkspace(ws.slug);
    notifySuccess(`You’re the admin of ${ws.name}. Invite your team from People.`, 'Workspace created');
    close();
    navigate(`/w/${ws.slug}`);
  });

  return (
    <Modal opened={opened} onClose={close} title="Create workspace" centered>
      <ModalForm
        form={form}
        onSubmit={onSubmit}
        onCancel={close}
        submitLabel="Create workspace"
        intro={
          <Text size="sm" c="dimmed">
            A workspace has its own people, teams and data. You become its admin.
          </Text>
        }
      >
        <TextInput label="Workspace name" required data-autofocus {...slugFields.name} />
        <TextInput
          label="Workspace URL"
          description={`Lives at /w/${form.values.slug || 'your-workspace'}`}
          required
          {...slugFields.slug}
        />
        <CurrencyInput {...form.field('baseCurrency')} />
        <FiscalMonthSelect {...form.field('fiscalYearStartMonth')} />
      </ModalForm>
    </Modal>
  );
}
