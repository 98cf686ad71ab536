import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Badge, Button, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconLink, IconShare } from '@tabler/icons-react';
import type { ShareLink } from '@tandem/contracts';
import { ConfirmModal } from '../../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { DataTable, formatDate, formatRelative, QueryView, TableSkeleton, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useConfirmAction } from '../../../../app/use-confirm-action.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useRevokeShareLink, useShareLinks } from '../../hooks/use-shares.ts';
import { ShareCreateForm } from './share-create-form.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?share=deal:<dealId>` (the "for this deal" panel links so): open the form with that deal chosen. */
function dealFromAddress(value: string | null): string | null {
  const id = value?.startsWith('deal:') ? value.slice(5) : null;
  return id && UUID.test(id) ? id : null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function StateBadge({ link }: { link: ShareLink }) {
  if (link.state === 'revoked') return <Badge color="gray" variant="light">Turned off</Badge>;
  if (link.state === 'expired') return <Badge color="orange" variant="light">Expired</Badge>;
  return <Badge color="teal" variant="light">Active</Badge>;
}

/** Under the badge: since when and by whom it is off, or until when it works. */
function stateDetail(link: ShareLink): string {
  if (link.state === 'revoked') return `Turned off${link.revokedBy ? ` by ${link.revokedBy.name}` : ''} on ${formatDate(link.revokedAt)}`;
  if (link.state === 'expired') return `Expired on ${formatDate(link.expiresAt)}`;
  return link.expiresAt ? `Works until ${formatDate(link.expiresAt)}` : 'Works until turned off';
}

const madeBy = (link: ShareLink) => `Made by ${link.createdBy?.name ?? 'someone'} on ${formatDate(link.createdAt)}`;

function opensText(link: ShareLink): string {
  if (link.opens === 0) return 'Not opened yet';
  return `${plural(link.opens, 'open')}, ${plural(link.visitors, 'visitor')} · last ${formatRelative(link.lastOpenedAt)}`;
}

/**
 * An asset's share links: make one for a deal (the address is shown once), see who made each and how often it was
 * opened, and turn one off. Used on the asset page.
 */
export function ShareLinksPanel({ assetId }: { assetId: string }) {
  const { slug, membership, can } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const fromAddress = dealFromAddress(params.get('share'));
  const [creating, setCreating] = useState(fromAddress !== null);
  const links = useShareLinks(slug, assetId);
  const revoke = useRevokeShareLink(slug, assetId);
  const confirmRevoke = useConfirmAction(async (link: ShareLink) => {
    await revoke.mutateAsync(link.id);
    notifySuccess(`The link${link.deal ? ` for ${link.deal.name}` : ''} is off: whoever opens it now is told to ask you for a new one.`, 'Link turned off');
  });

  function close() {
    setCreating(false);
    if (params.has('share')) {
      const next = new URLSearchParams(params);
      next.delete('share');
      setParams(next, { replace: true });
    }
  }

  const columns: DataTableColumn<ShareLink>[] = [
    {
      key: 'deal',
      header: 'For',
      primary: true,
      cell: (l) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {l.deal?.name ?? 'No deal'}
          </Text>
          <Text size="xs" c="dimmed">
            {madeBy(l)}
          </Text>
        </Stack>
      ),
    },
    { key: 'opens', header: 'Opens', cell: (l) => <Text size="sm">{opensText(l)}</Text> },
    {
      key: 'state',
      header: 'Status',
      cell: (l) => (
        <Stack gap={2} align="flex-start">
          <StateBadge link={l} />
          <Text size="xs" c="dimmed">
            {stateDetail(l)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      label: 'Actions',
      align: 'right',
      cell: (l) =>
        l.canRevoke && l.state === 'active' ? (
          <Button size="xs" variant="subtle" color="red" onClick={() => confirmRevoke.ask(l)}>
            Turn off
          </Button>
        ) : null,
    },
  ];

  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="asset-share-title" id="share">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2} style={{ flex: '1 1 200px' }}>
            <Title order={2} size="h4" id="asset-share-title">
              Share with a prospect
            </Title>
            <Text size="sm" c="dimmed">
              A link opens the current published version, no sign-in needed. Each open is counted here; the visitor's address is never kept.
            </Text>
          </Stack>
          {can('library.use') && !creating && (
            <Button leftSection={<IconShare size={16} />} onClick={() => setCreating(true)}>
              New share link
            </Button>
          )}
        </Group>
        {creating && <ShareCreateForm slug={slug} assetId={assetId} workspaceName={membership.name} initialDealId={fromAddress} onClose={close} />}
        <QueryView
          query={links}
          skeleton={<TableSkeleton rows={2} />}
          error="Could not load the share links"
          empty={{
            when: (d) => d.items.length === 0,
            content: (
              <Group gap={6} c="dimmed">
                <IconLink size={16} />
                <Text size="sm">No share links yet.</Text>
              </Group>
            ),
          }}
        >
          {(d) => (
            <DataTable
              aria-label="Share links"
              rows={d.items}
              rowKey={(l) => l.id}
              columns={columns}
              // The asset page puts the panel in a narrow column: cards at every width.
              phone
              cardProps={() => ({ p: 'sm', radius: 'sm' })}
              renderCard={(l) => (
                <Stack gap={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {l.deal?.name ?? 'No deal'}
                    </Text>
                    <StateBadge link={l} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {madeBy(l)}
                    <br />
                    {stateDetail(l)}
                  </Text>
                  <Text size="sm">{opensText(l)}</Text>
                  {l.canRevoke && l.state === 'active' && (
                    <Group justify="flex-end">
                      <Button size="xs" variant="subtle" color="red" onClick={() => confirmRevoke.ask(l)}>
                        Turn off
                      </Button>
                    </Group>
                  )}
                </Stack>
              )}
            />
          )}
        </QueryView>
        <ConfirmModal title="Turn this link off?" confirmLabel="Turn off" danger {...confirmRevoke.modal}>
          {`From now on, whoever opens the link${confirmRevoke.target?.deal ? ` for ${confirmRevoke.target.deal.name}` : ''} sees a page saying you turned it off and to ask you for a new one. This cannot be undone; you can make a new link.`}
        </ConfirmModal>
      </Stack>
    </Card>
  );
}
