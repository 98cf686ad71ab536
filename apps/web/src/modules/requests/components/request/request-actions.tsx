import { useState } from 'react';
import { Button, Group, Menu } from '@mantine/core';
import { IconCheck, IconChevronDown, IconPlayerPlay, IconPlus, IconSend } from '@tabler/icons-react';
import type { RequestChangeResponse, RequestDetail } from '@tandem/contracts';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { useRequestActions } from '../../hooks/use-request-actions.ts';
import { useMemberDirectory } from '../../hooks/use-request-options.ts';
import { changeMessage, type RequestChangeKind } from '../shared/told.ts';
import {
  ActionModal,
  BoostForm,
  DeliverForm,
  EditForm,
  MergeForm,
  OverrideForm,
  PlusOneForm,
  ReasonForm,
  TriageForm,
} from './action-modals.tsx';

type Dialog = 'edit' | 'triage' | 'deliver' | 'reopen' | 'decline' | 'plusOne' | 'merge' | 'override' | 'boost';

const TITLES: Record<Dialog, string> = {
  edit: 'Edit the request',
  triage: 'Triage',
  deliver: 'Deliver',
  reopen: 'Reopen: what is missing?',
  decline: 'Decline the request',
  plusOne: '+1 this request',
  merge: 'Merge into another request',
  override: 'Place against the score',
  boost: 'Strategic boost',
};

/**
 * The buttons the caller may press (the server says which: `permissions`), the main step first. Every step says
 * what happened and who was told.
 */
export function RequestActions({ request: r, slug }: { request: RequestDetail; slug: string }) {
  const a = useRequestActions(slug, r.id);
  const roles = useMemberDirectory(slug).byId;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const p = r.permissions;
  const close = () => setDialog(null);

  const told = (kind: RequestChangeKind, title: string) => (res: RequestChangeResponse) => {
    notifySuccess(changeMessage(kind, res, (id) => roles.get(id)?.role), title);
  };
  /** For the modal forms: the form shows a refusal itself, so only success is handled here; it closes its dialog. */
  const run = async (kind: RequestChangeKind, title: string, p: Promise<RequestChangeResponse>) => {
    told(kind, title)(await p);
    close();
  };
  /**
   * For the one-click steps: a refusal shows as a notification. They close no dialog: one opened while the step's
   * answer was still on its way (Start work, then at once Deliver) stays open.
   */
  const click = (kind: RequestChangeKind, title: string, p: Promise<RequestChangeResponse>) => p.then(told(kind, title), (e) => notifyError(e));

  const primary = [
    p.triage && r.status === 'new' && (
      <Button key="triage" onClick={() => setDialog('triage')}>
        Triage
      </Button>
    ),
    p.start && (
      <Button key="start" leftSection={<IconPlayerPlay size={16} />} loading={a.start.isPending} onClick={() => void click('started', 'Work started', a.start.mutateAsync())}>
        Start work
      </Button>
    ),
    p.deliver && (
      <Button key="deliver" leftSection={<IconSend size={16} />} onClick={() => setDialog('deliver')}>
        Deliver
      </Button>
    ),
    p.accept && (
      <Button key="accept" color="green" leftSection={<IconCheck size={16} />} loading={a.accept.isPending} onClick={() => void click('accepted', 'Delivery accepted', a.accept.mutateAsync())}>
        Accept delivery
      </Button>
    ),
    p.reopen && (
      <Button key="reopen" variant="default" onClick={() => setDialog('reopen')}>
        Reopen
      </Button>
    ),
    p.plusOne && (
      <Button key="plusOne" variant="default" leftSection={<IconPlus size={16} />} onClick={() => setDialog('plusOne')}>
        +1 (I need this too)
      </Button>
    ),
  ].filter(Boolean);

  const more: { key: Dialog; label: string; show: boolean; color?: string }[] = [
    { key: 'edit', label: 'Edit', show: p.edit },
    { key: 'triage', label: 'Change estimate or assignee', show: p.triage && r.status !== 'new' },
    { key: 'override', label: r.override ? 'Change placement' : 'Pin or place in the queue', show: p.override },
    { key: 'boost', label: 'Strategic boost', show: p.boost },
    { key: 'merge', label: 'Merge into another request', show: p.merge },
    { key: 'decline', label: 'Decline', show: p.decline, color: 'red' },
  ];
  const menu = more.filter((m) => m.show);

  return (
    <>
      <Group gap="sm" wrap="wrap">
        {primary}
        {menu.length > 0 && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                More actions
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {menu.map((m) => (
                <Menu.Item key={m.key} color={m.color} onClick={() => setDialog(m.key)}>
                  {m.label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <ActionModal opened={dialog !== null} onClose={close} title={dialog ? TITLES[dialog] : ''}>
        {dialog === 'edit' && <EditForm request={r} slug={slug} onCancel={close} onSubmit={(b) => run('edited', 'Request updated', a.update.mutateAsync(b))} />}
        {dialog === 'triage' && <TriageForm request={r} slug={slug} onCancel={close} onSubmit={(b) => run('triaged', 'Request triaged', a.triage.mutateAsync(b))} />}
        {dialog === 'deliver' && <DeliverForm slug={slug} onCancel={close} onSubmit={(b) => run('delivered', 'Request delivered', a.deliver.mutateAsync(b))} />}
        {dialog === 'reopen' && (
          <ReasonForm
            label="Reason"
            description="Say what is missing; the assignee reads it."
            submitLabel="Reopen"
            onCancel={close}
            onSubmit={(reason) => run('reopened', 'Request reopened', a.reopen.mutateAsync(reason))}
          />
        )}
        {dialog === 'decline' && (
          <ReasonForm
            label="Reason"
            description="Every requester sees it: say why, and what they can do instead."
            submitLabel="Decline"
            onCancel={close}
            onSubmit={(reason) => run('declined', 'Request declined', a.decline.mutateAsync(reason))}
          />
        )}
        {dialog === 'plusOne' && <PlusOneForm slug={slug} onCancel={close} onSubmit={(ids) => run('plus_one', 'You joined the request', a.plusOne.mutateAsync(ids))} />}
        {dialog === 'merge' && <MergeForm request={r} slug={slug} onCancel={close} onSubmit={(id) => run('merged', 'Requests merged', a.merge.mutateAsync(id))} />}
        {dialog === 'override' && (
          <OverrideForm
            request={r}
            onCancel={close}
            onSubmit={(b) => run(b.kind === 'pin' ? 'pinned' : b.kind === 'position' ? 'placed' : 'cleared', 'Queue placement saved', a.override.mutateAsync(b))}
          />
        )}
        {dialog === 'boost' && <BoostForm request={r} onCancel={close} onSubmit={(b) => run('boosted', 'Boost saved', a.boost.mutateAsync(b))} />}
      </ActionModal>
    </>
  );
}
