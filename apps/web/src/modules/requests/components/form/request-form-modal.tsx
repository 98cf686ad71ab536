import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { CreateRequestRequest, REQUEST_TYPE_LABELS, REQUEST_TYPES, type RequestChangeResponse, type RequestType } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { FormError, todayIn } from '../../../../app/kit/index.ts';
import { useFormState } from '../../../../app/forms.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { usePhone } from '../../../../app/use-phone.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useMemberDirectory } from '../../hooks/use-request-options.ts';
import { useCreateRequest, usePlusOne, useSimilarRequests } from '../../hooks/use-requests.ts';
import { DealsPicker } from '../shared/deals-picker.tsx';
import { changeMessage } from '../shared/told.ts';
import type { RequestFormPrefill } from './request-form-context.ts';
import { SimilarRequestsPanel } from './similar-requests.tsx';

interface RequestFormModalProps {
  opened: boolean;
  prefill: RequestFormPrefill;
  onClose: () => void;
}

type Values = {
  type: RequestType | null;
  title: string;
  description: string;
  dealIds: string[];
  neededBy: string;
};

const TYPE_OPTIONS = REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }));

/** Ask marketing for material or help: what kind, what, why, for which deals and by when. */
export function RequestFormModal({ opened, prefill, onClose }: RequestFormModalProps) {
  const phone = usePhone();
  const [done, setDone] = useState<{ res: RequestChangeResponse; joined: boolean } | null>(null);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650} fz="lg">{done ? (done.joined ? 'You joined a request' : 'Request filed') : 'New request to marketing'}</Text>}
      size="lg"
      fullScreen={phone}
      radius={phone ? 0 : undefined}
      transitionProps={phone ? { transition: 'fade', duration: 120 } : undefined}
    >
      {done ? <Filed res={done.res} joined={done.joined} onClose={onClose} /> : <RequestForm prefill={prefill} onCancel={onClose} onDone={setDone} phone={phone} />}
    </Modal>
  );
}

function Filed({ res, joined, onClose }: { res: RequestChangeResponse; joined: boolean; onClose: () => void }) {
  const ws = useWorkspace();
  const roles = useMemberDirectory(ws.slug).byId;
  const message = changeMessage(joined ? 'plus_one' : 'filed', res, (id) => roles.get(id)?.role);
  return (
    <Stack gap="md">
      <Alert color="teal" icon={<IconCircleCheck size={20} />} role="status">
        <Text size="sm">{message}</Text>
      </Alert>
      <Text size="sm" c="dimmed">
        Every change to it (triage, delivery, comments) reaches you in your inbox.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        <Button component={Link} to={`/w/${ws.slug}/requests/${res.request.id}`} onClick={onClose} data-autofocus>
          Open #{res.request.number}
        </Button>
      </Group>
    </Stack>
  );
}

function RequestForm({
  prefill,
  onCancel,
  onDone,
  phone,
}: {
  prefill: RequestFormPrefill;
  onCancel: () => void;
  onDone: (d: { res: RequestChangeResponse; joined: boolean }) => void;
  phone: boolean;
}) {
  const ws = useWorkspace();
  const { timeZone: tz, id: me } = useRequiredSession().user;
  const form = useFormState<Values>({ type: null, title: '', description: '', dealIds: prefill.dealId ? [prefill.dealId] : [], neededBy: '' });
  const { values } = form;
  const create = useCreateRequest(ws.slug);
  const plusOne = usePlusOne(ws.slug);
  const [joining, setJoining] = useState<string | null>(null);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [text] = useDebouncedValue(`${values.title} ${values.description}`.trim(), 250);
  const similar = useSimilarRequests(ws.slug, text, values.type);
  const showSimilar = text.length >= 3 && (similar.data?.items.length ?? 0) > 0;
  const size = phone ? 'md' : 'sm';

  const submit = form.handleSubmit(
    CreateRequestRequest,
    async (body) => onDone({ res: await create.mutateAsync(body), joined: false }),
    { input: () => ({ ...values, type: values.type ?? undefined, neededBy: values.neededBy || null }) },
  );

  const join = async (requestId: string) => {
    setJoining(requestId);
    setJoinError(null);
    try {
      onDone({ res: await plusOne.mutateAsync({ requestId, dealIds: values.dealIds }), joined: true });
    } catch (e) {
      setJoinError(errorMessage(e));
      setJoining(null);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New request">
      <Stack gap={phone ? 'lg' : 'md'}>
        <Text size="sm" c="dimmed">
          Fields marked <span aria-hidden>*</span>
          <VisuallyHidden>with an asterisk</VisuallyHidden> are required.
        </Text>
        <FormError message={form.formError} />
        <Select
          label="What do you need?"
          required
          placeholder="Choose a kind of request"
          data={TYPE_OPTIONS}
          value={values.type}
          onChange={(v) => form.set('type', (v as RequestType | null) ?? null)}
          error={form.errors.type ? 'Choose what kind of help you need' : undefined}
          allowDeselect={false}
          size={size}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <TextInput label="Title" required placeholder="e.g. Battlecard against Kestrel for the logistics segment" size={size} maxLength={200} {...form.input('title')} />
        <Textarea
          label="Description"
          required
          description="What you need, what it is for and what good looks like."
          placeholder="e.g. Three deals are comparing us with Kestrel on price; reps need the answers to their top objections."
          autosize
          minRows={3}
          maxRows={10}
          size={size}
          {...form.input('description')}
        />
        {showSimilar && similar.data && (
          <SimilarRequestsPanel similar={similar.data} pending={similar.isPlaceholderData} joining={joining} onJoin={(id) => void join(id)} me={me} slug={ws.slug} />
        )}
        {joinError && <FormError message={joinError} />}
        <DealsPicker slug={ws.slug} value={values.dealIds} onChange={(ids) => form.set('dealIds', ids)} linkedId={prefill.dealId} error={form.errors.dealIds} size={size} />
        <TextInput
          type="date"
          label="Needed by"
          description="Optional. The date you need it for (a call, a deadline)."
          min={todayIn(tz)}
          size={size}
          w={phone ? undefined : 220}
          {...form.input('neededBy')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={form.submitting} size={size}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting} size={size}>
            File request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
