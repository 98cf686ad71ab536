import { useState } from 'react';
import { Modal, MultiSelect, NumberInput, SegmentedControl, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  BoostRequest,
  DeliverRequestRequest,
  MergeRequestRequest,
  OverrideRequest,
  PlusOneRequest,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  ReasonRequest,
  TriageRequestRequest,
  UpdateRequestRequest,
  type RequestChangeResponse,
  type RequestDetail,
  type RequestType,
} from '@tandem/contracts';
import { ModalForm } from '../../../../app/components/modal-form.tsx';
import { useFormState } from '../../../../app/forms.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { usePhone } from '../../../../app/use-phone.ts';
import { useQuickAssetSearch } from '../../../library/index.ts';
import { useMemberDirectory } from '../../hooks/use-request-options.ts';
import { useRequestQueue } from '../../hooks/use-requests.ts';
import { DealsPicker } from '../shared/deals-picker.tsx';
import { todayIn } from '../../../../app/kit/index.ts';

export type Run = (p: Promise<RequestChangeResponse>) => Promise<void>;

interface ModalShellProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
}

export function ActionModal({ opened, onClose, title, children }: ModalShellProps) {
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{title}</Text>} size="lg" fullScreen={phone} radius={phone ? 0 : undefined}>
      {children}
    </Modal>
  );
}

/** A reason the requesters will read (decline, reopen). */
export function ReasonForm({ label, description, submitLabel, onSubmit, onCancel }: {
  label: string;
  description: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useFormState({ reason: '' });
  return (
    <ModalForm form={form} onSubmit={form.handleSubmit(ReasonRequest, (b) => onSubmit(b.reason))} onCancel={onCancel} submitLabel={submitLabel}>
      <Textarea label={label} description={description} required autosize minRows={3} data-autofocus {...form.input('reason')} />
    </ModalForm>
  );
}

/** Triage: an estimate in hours and a PMM to do it. */
export function TriageForm({ request: r, slug, onSubmit, onCancel }: { request: RequestDetail; slug: string; onSubmit: (b: TriageRequestRequest) => Promise<void>; onCancel: () => void }) {
  const people = useMemberDirectory(slug);
  const pmms = people.members.filter((m) => m.role === 'marketing' || m.role === 'admin');
  const form = useFormState<{ estimateHours: number | string; assigneeUserId: string | null }>({
    estimateHours: r.estimateHours ?? '',
    assigneeUserId: r.assignee?.userId ?? null,
  });
  return (
    <ModalForm
      form={form}
      onSubmit={form.handleSubmit(TriageRequestRequest, onSubmit, {
        input: () => ({
          estimateHours: form.values.estimateHours === '' ? undefined : Number(form.values.estimateHours),
          assigneeUserId: form.values.assigneeUserId ?? undefined,
        }),
      })}
      onCancel={onCancel}
      submitLabel={r.status === 'new' ? 'Triage' : 'Save'}
      intro={
        <Text size="sm" c="dimmed">
          The estimate plans the request against the team’s weekly hours: it decides whether it falls below the line.
        </Text>
      }
    >
      <NumberInput label="Estimate (hours of work)" required min={0.25} max={1000} step={0.5} decimalScale={2} data-autofocus {...form.field('estimateHours')} />
      <Select
        label="Assignee"
        required
        placeholder={people.isPending ? 'Loading people…' : 'Choose a PMM'}
        data={pmms.map((m) => ({ value: m.userId, label: m.name }))}
        searchable
        nothingFoundMessage="No one in marketing matches"
        comboboxProps={{ withinPortal: true }}
        {...form.field('assigneeUserId')}
      />
    </ModalForm>
  );
}

/** Deliver: library assets found by search (typos forgiven) and/or a note. */
export function DeliverForm({ slug, onSubmit, onCancel }: { slug: string; onSubmit: (b: DeliverRequestRequest) => Promise<void>; onCancel: () => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const hits = useQuickAssetSearch(slug, q, 10);
  const [known, setKnown] = useState<Map<string, string>>(() => new Map());
  const form = useFormState<{ assetIds: string[]; note: string }>({ assetIds: [], note: '' });
  const labels = new Map(known);
  for (const h of hits.data?.items ?? []) labels.set(h.id, h.title);
  const data = [...labels].map(([value, label]) => ({ value, label }));
  return (
    <ModalForm
      form={form}
      onSubmit={form.handleSubmit(DeliverRequestRequest, onSubmit, { input: () => ({ assetIds: form.values.assetIds, note: form.values.note.trim() || undefined }) })}
      onCancel={onCancel}
      submitLabel="Deliver"
      intro={
        <Text size="sm" c="dimmed">
          Link the library material that answers the request, add a note, or both. The requesters are asked to accept it.
        </Text>
      }
    >
      <MultiSelect
        label="Library assets"
        placeholder="Search the library"
        data={data}
        value={form.values.assetIds}
        onChange={(ids) => {
          setKnown((prev) => new Map([...prev, ...ids.map((id) => [id, labels.get(id) ?? id] as [string, string])]));
          form.set('assetIds', ids);
        }}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        nothingFoundMessage={q.trim().length < 2 ? 'Type two letters or more' : hits.isFetching ? 'Searching…' : 'Nothing in the library matches'}
        error={form.errors.assetIds}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      <Textarea label="Note" description="Optional with an asset; what you did, where to find it, what to watch for." autosize minRows={3} {...form.input('note')} />
    </ModalForm>
  );
}

/** +1: join as a requester with your own deals. */
export function PlusOneForm({ slug, onSubmit, onCancel }: { slug: string; onSubmit: (dealIds: string[]) => Promise<void>; onCancel: () => void }) {
  const form = useFormState<{ dealIds: string[] }>({ dealIds: [] });
  return (
    <ModalForm
      form={form}
      onSubmit={form.handleSubmit(PlusOneRequest, (b) => onSubmit(b.dealIds))}
      onCancel={onCancel}
      submitLabel="+1 this request"
      intro={<Text size="sm">You become a requester: you hear about every change, and your deals add to its priority.</Text>}
    >
      <DealsPicker slug={slug} value={form.values.dealIds} onChange={(ids) => form.set('dealIds', ids)} label="Your deals that need it" />
    </ModalForm>
  );
}

/** Merge into another open request: every requester and deal moves there. */
export function MergeForm({ request: r, slug, onSubmit, onCancel }: { request: RequestDetail; slug: string; onSubmit: (intoId: string) => Promise<void>; onCancel: () => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const queue = useRequestQueue(slug, { q: q.trim() || undefined }, 20);
  const options = (queue.data?.pages[0]?.items ?? []).filter((o) => o.id !== r.id).map((o) => ({ value: o.id, label: `#${o.number} ${o.title}` }));
  const form = useFormState<{ into: string | null }>({ into: null });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const data = picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options;
  return (
    <ModalForm
      form={form}
      onSubmit={form.handleSubmit(MergeRequestRequest, (b) => onSubmit(b.intoRequestId), { input: () => ({ intoRequestId: form.values.into ?? undefined }) })}
      onCancel={onCancel}
      submitLabel={`Merge #${r.number}`}
      intro={<Text size="sm">#{r.number} closes as merged; its requesters, deals and attachments join the request you choose, and they are told.</Text>}
    >
      <Select
        label="Merge into"
        required
        placeholder="Search open requests"
        data={data}
        value={form.values.into}
        error={form.errors.intoRequestId}
        onChange={(v, o) => {
          form.set('into', v);
          setPicked(v && o ? { value: v, label: o.label } : null);
        }}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        nothingFoundMessage={queue.isFetching ? 'Searching…' : 'No open request matches'}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
    </ModalForm>
  );
}

/** Pin, place at a position, or hand the order back to the score; with a reason the queue shows. */
export function OverrideForm({ request: r, onSubmit, onCancel }: { request: RequestDetail; onSubmit: (b: OverrideRequest) => Promise<void>; onCancel: () => void }) {
  const form = useFormState<{ kind: 'pin' | 'position' | 'clear'; position: number | string; reason: string }>({
    kind: r.override ? r.override.kind : 'pin',
    position: r.override?.position ?? r.rank ?? 1,
    reason: '',
  });
  const v = form.values;
  return (
    <ModalForm
      form={form}
      onSubmit={form.handleSubmit(OverrideRequest, onSubmit, {
        input: () => (v.kind === 'clear' ? { kind: 'clear' } : v.kind === 'pin' ? { kind: 'pin', reason: v.reason } : { kind: 'position', position: Number(v.position), reason: v.reason }),
      })}
      onCancel={onCancel}
      submitLabel="Save placement"
      intro={<Text size="sm" c="dimmed">Placing against the score is visible to everyone in the queue, with your name and reason.</Text>}
    >
      <SegmentedControl
        aria-label="Placement"
        value={v.kind}
        onChange={(k) => form.set('kind', k as typeof v.kind)}
        data={[
          { value: 'pin', label: 'Pin to the top' },
          { value: 'position', label: 'Place at…' },
          ...(r.override ? [{ value: 'clear', label: 'Back to score' }] : []),
        ]}
      />
      {v.kind === 'position' && <NumberInput label="Position in the queue" required min={1} max={100000} allowDecimal={false} {...form.field('position')} />}
      {v.kind !== 'clear' && <Textarea label="Reason" description="Shown beside the request in the queue." required autosize minRows={2} {...form.input('reason')} />}
    </ModalForm>
  );
}

/** An admin's strategic boost: 0–100 points of the strategic part, with a reason. */
export function BoostForm({ request: r, onSubmit, onCancel }: { request: RequestDetail; onSubmit: (b: BoostRequest) => Promise<void>; onCancel: () => void }) {
  const form = useFormState<{ points: number | string; reason: string }>({ points: r.strategicBoost?.points ?? 0, reason: '' });
  return (
    <ModalForm
      form={form}
      onSubmit={form.handleSubmit(BoostRequest, onSubmit, { input: () => ({ points: form.values.points === '' ? undefined : Number(form.values.points), reason: form.values.reason }) })}
      onCancel={onCancel}
      submitLabel="Set boost"
      intro={<Text size="sm" c="dimmed">The boost is the strategic part of the score (0 clears it). It is shown, with your reason, on the request.</Text>}
    >
      <NumberInput label="Points (0–100)" required min={0} max={100} data-autofocus {...form.field('points')} />
      <Textarea label="Reason" required autosize minRows={2} {...form.input('reason')} />
    </ModalForm>
  );
}

/** Edit what the request asks for, and the caller's own linked deals. */
export function EditForm({ request: r, slug, onSubmit, onCancel }: { request: RequestDetail; slug: string; onSubmit: (b: UpdateRequestRequest) => Promise<void>; onCancel: () => void }) {
  const session = useRequiredSession();
  const me = session.user.id;
  const mine = r.deals.filter((d) => d.addedBy?.userId === me).map((d) => d.dealId);
  const form = useFormState<{ type: RequestType; title: string; description: string; neededBy: string; dealIds: string[] }>({
    type: r.type,
    title: r.title,
    description: r.description,
    neededBy: r.neededBy ?? '',
    dealIds: mine,
  });
  const v = form.values;
  return (
    <ModalForm
      form={form}
      onSubmit={form.handleSubmit(UpdateRequestRequest, onSubmit, {
        input: () => ({ type: v.type, title: v.title, description: v.description, neededBy: v.neededBy || null, dealIds: v.dealIds }),
      })}
      onCancel={onCancel}
      submitLabel="Save changes"
    >
      <Select
        label="What do you need?"
        required
        data={REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }))}
        value={v.type}
        onChange={(t) => t && form.set('type', t as RequestType)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput label="Title" required maxLength={200} {...form.input('title')} />
      <Textarea label="Description" required autosize minRows={3} maxRows={10} {...form.input('description')} />
      <DealsPicker slug={slug} value={v.dealIds} onChange={(ids) => form.set('dealIds', ids)} label="Your linked deals" description="Deals other requesters linked stay." />
      <TextInput type="date" label="Needed by" min={todayIn(session.user.timeZone)} w={220} {...form.input('neededBy')} />
    </ModalForm>
  );
}
