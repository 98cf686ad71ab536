import { useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { CreateShareLinkResponse } from '@tandem/contracts';
import { errorMessage } from '../../../../app/api-error.ts';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { FormError, formatDate } from '../../../../app/kit/index.ts';
import { useCreateShareLink, useShareDealOptions } from '../../hooks/use-shares.ts';

const EXPIRY = [
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: 'never', label: 'Never (until turned off)' },
];

/** What the prospect gets, said wherever a link is handed out. */
export function prospectSees(workspaceName: string): string {
  return `They see the asset's current published version — its title, text and files — sent by ${workspaceName}, without signing in. Nothing else of Tandem. You see here when it is opened, not who opened it.`;
}

/** The deal a link is for: recent open deals first, any deal by name once two letters are typed. */
function ShareDealPicker({ slug, value, onChange }: { slug: string; value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const { deals, selected, isFetching } = useShareDealOptions(slug, typed, value);
  const options = [...(selected && !deals.some((d) => d.id === selected.id) ? [selected] : []), ...deals].map((d) => ({
    value: d.id,
    label: d.account ? `${d.name} — ${d.account.name}` : d.name,
  }));
  return (
    <Select
      label="For deal"
      description="Opens count toward this deal (and its influence). Leave empty for a link to no deal."
      placeholder="Type a deal or account name"
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      clearable
      filter={({ options: o }) => o}
      nothingFoundMessage={isFetching ? 'Searching…' : 'No deal matches'}
      maxDropdownHeight={280}
    />
  );
}

interface ShareCreateFormProps {
  slug: string;
  assetId: string;
  workspaceName: string;
  initialDealId: string | null;
  onClose: () => void;
}

/** Makes a link, then shows its address once with a copy button that says what the prospect will see. */
export function ShareCreateForm({ slug, assetId, workspaceName, initialDealId, onClose }: ShareCreateFormProps) {
  const [dealId, setDealId] = useState<string | null>(initialDealId);
  const [expiry, setExpiry] = useState<string>('30');
  const [created, setCreated] = useState<CreateShareLinkResponse | null>(null);
  const create = useCreateShareLink(slug, assetId);
  const urlInput = useRef<HTMLInputElement>(null);

  /** The clipboard API needs https (or localhost); elsewhere the selected text is copied the old way. */
  async function copy(url: string) {
    try {
      if (navigator.clipboard) await navigator.clipboard.writeText(url);
      else {
        urlInput.current?.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      notifySuccess(prospectSees(workspaceName), 'Link copied');
    } catch {
      urlInput.current?.select();
    }
  }

  if (created) {
    return (
      <Alert color="teal" title="Link ready: copy it now" icon={<IconCheck size={18} />}>
        <Stack gap="sm">
          <TextInput
            ref={urlInput}
            label="Share link"
            description="Shown this once: Tandem keeps only a fingerprint of it. If you lose it, make a new link."
            value={created.url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Text size="sm">{prospectSees(workspaceName)}</Text>
          <Text size="sm">
            {created.deal ? `Opens count toward ${created.deal.name}. ` : ''}
            {created.expiresAt ? `It stops working on ${formatDate(created.expiresAt)}.` : 'It works until you turn it off.'}
          </Text>
          <Group justify="flex-end">
            <Button
              leftSection={<IconCopy size={16} />}
              onClick={() => void copy(created.url)}
            >
              Copy link
            </Button>
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { ...(dealId ? { dealId } : {}), ...(expiry !== 'never' ? { expiresInDays: Number(expiry) } : {}) },
            { onSuccess: (link) => setCreated(link) },
          );
        }}
      >
        <Stack gap="sm">
          <ShareDealPicker slug={slug} value={dealId} onChange={setDealId} />
          <Select label="Link stops working" data={EXPIRY} value={expiry} onChange={(v) => setExpiry(v ?? '30')} allowDeselect={false} />
          <Text size="xs" c="dimmed">
            {prospectSees(workspaceName)}
          </Text>
          <FormError message={create.isError ? errorMessage(create.error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Make link
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
