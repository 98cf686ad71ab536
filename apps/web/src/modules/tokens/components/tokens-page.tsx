import { useState } from 'react';
import { Anchor, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconKey, IconPlus } from '@tabler/icons-react';
import { ROLE_LABELS, type ApiToken } from '@tandem/contracts';
import { ConfirmModal } from '../../../app/components/confirm-modal.tsx';
import { notifySuccess } from '../../../app/components/notify.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { QueryView, TableSkeleton } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useConfirmAction } from '../../../app/use-confirm-action.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useRevokeToken, useTokens } from '../hooks/use-tokens.ts';
import { CreateTokenModal } from './create-token-modal.tsx';
import { TokenList } from './token-list.tsx';

export function TokensPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const tokens = useTokens(ws.slug);
  const revokeToken = useRevokeToken(ws.slug);
  const [creating, setCreating] = useState(false);
  const tz = session.user.timeZone;
  const revoke = useConfirmAction(async (token: ApiToken) => {
    await revokeToken.mutateAsync(token.id);
    notifySuccess(`“${token.name}” no longer works.`, 'Token revoked');
  });

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Personal tokens let scripts and integrations use the Tandem API on your behalf."
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" p="md">
          <Stack gap="xs">
            <Title order={3} size="h5">
              How to use a token
            </Title>
            <Text size="sm">
              Send it in the <Code>Authorization</Code> header of each request:{' '}
              <Code>Authorization: Bearer &lt;token&gt;</Code>
            </Text>
            <Text size="sm">
              A token acts as you, with your role in <b>{ws.membership.name}</b> ({ROLE_LABELS[ws.membership.role]}), and
              only in this workspace. If your role changes, so does what the token can do. Revoke a token as soon as you
              no longer need it.
            </Text>
            <Anchor href="/api/docs" target="_blank" rel="noreferrer" size="sm">
              <Group gap={4} component="span">
                API reference <IconExternalLink size={14} />
              </Group>
            </Anchor>
          </Stack>
        </Card>

        <Card withBorder radius="md" p="md">
          <QueryView
            query={tokens}
            skeleton={<TableSkeleton rows={3} />}
            empty={{
              when: (d) => d.items.length === 0,
              icon: <IconKey size={28} />,
              title: 'You have no API tokens',
              description: 'Create one when a script or integration needs to read or write Tandem data as you.',
              action: (
                <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
                  Create token
                </Button>
              ),
            }}
          >
            {(d) => <TokenList tokens={d.items} tz={tz} onRevoke={revoke.ask} />}
          </QueryView>
        </Card>
      </Stack>

      <CreateTokenModal slug={ws.slug} opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal {...revoke.modal} title="Revoke token?" confirmLabel="Revoke token" danger>
        {`Anything using “${revoke.target?.name ?? ''}” will get “401 Unauthorized” from now on. This cannot be undone.`}
      </ConfirmModal>
    </>
  );
}
