import { useNavigate } from 'react-router-dom';
import { Card, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { InfiniteQueryView, TableSkeleton } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useImportHistory } from '../hooks/use-imports.ts';
import { useUpload } from '../hooks/use-upload.ts';
import { ImportHistory } from './import-history.tsx';
import { UploadArea } from './upload-area.tsx';

export function ImportsPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const navigate = useNavigate();
  const history = useImportHistory(ws.slug);
  const upload = useUpload(ws.slug, (detail) => navigate(`/w/${ws.slug}/imports/${detail.id}`));

  return (
    <>
      <PageHeader
        title="Import deals"
        documentTitle="Import"
        description="Bring deals in from Salesforce, HubSpot or any spreadsheet. Each import updates deals it has seen before, and can be undone."
      />
      <Stack gap="xl">
        <UploadArea upload={upload.upload} error={upload.error} onFile={upload.send} onCancel={upload.cancel} />

        <Stack gap="sm">
          <Title order={3} fz="lg">
            Past imports
          </Title>
          <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="sm">
              <InfiniteQueryView
                query={history}
                items={(p) => p.items}
                skeleton={<TableSkeleton rows={4} />}
                empty={{
                  icon: <IconHistory size={28} />,
                  title: 'No imports yet',
                  description: 'Every import is listed here with what it created, updated and skipped, and who ran it.',
                }}
              >
                {(rows, data) => {
                  const total = data.pages[0]?.total ?? 0;
                  return (
                    <>
                      <Text size="sm" c="dimmed">
                        {total === 1 ? '1 import' : `Showing ${rows.length} of ${total} imports`}, newest first
                      </Text>
                      <ImportHistory imports={rows} slug={ws.slug} tz={session.user.timeZone} />
                    </>
                  );
                }}
              </InfiniteQueryView>
            </Stack>
          </Card>
        </Stack>
      </Stack>
    </>
  );
}
