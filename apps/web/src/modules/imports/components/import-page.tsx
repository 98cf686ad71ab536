import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconBriefcase, IconFileUpload } from '@tabler/icons-react';
import type { ImportDetail } from '@tandem/contracts';
import { isApiError } from '../../../app/api-error.ts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { PageSkeleton } from '../../../app/components/page-skeleton.tsx';
import { formatDateTime, QueryView } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useImport } from '../hooks/use-imports.ts';
import { formatBytes, importedNothing, problemForTheWeb } from './import-fields.ts';
import { ImportProgress } from './import-progress.tsx';
import { ImportResultView } from './import-result.tsx';
import { ImportSetup } from './import-setup.tsx';
import { ImportStatusBadge } from './import-status-badge.tsx';
import { UndoImport } from './undo-import.tsx';

export function ImportPage() {
  const ws = useWorkspace();
  const { importId = '' } = useParams();
  const query = useImport(ws.slug, importId);
  const back = (
    <Anchor component={Link} to={`/w/${ws.slug}/imports`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} /> All imports
    </Anchor>
  );

  return (
    <QueryView
      query={query}
      skeleton={<PageSkeleton />}
      renderError={(box, error) => {
        const missing = isApiError(error) && (error.status === 404 || error.status === 400);
        return (
          <>
            {back}
            <PageHeader title={missing ? 'Import not found' : 'Import'} />
            {missing ? <Text c="dimmed">There is no such import in this workspace. A pending upload nobody started is deleted after a day.</Text> : box}
          </>
        );
      }}
    >
      {(detail) => (
        <>
          {back}
          <PageHeader
            title={detail.status === 'pending' ? `Review ${detail.fileName}` : detail.fileName}
            documentTitle={`Import ${detail.fileName}`}
            description={<Subtitle detail={detail} />}
            actions={<Actions detail={detail} />}
          />
          <Body detail={detail} />
        </>
      )}
    </QueryView>
  );
}

function Subtitle({ detail }: { detail: ImportDetail }) {
  const session = useRequiredSession();
  const when = formatDateTime(detail.status === 'pending' ? detail.createdAt : (detail.startedAt ?? detail.createdAt), session.user.timeZone);
  return detail.status === 'pending'
    ? `Uploaded by ${detail.createdBy.name}, ${when} · ${formatBytes(detail.fileSize)}. Nothing is imported until you start.`
    : `Run by ${detail.createdBy.name}, ${when} · ${formatBytes(detail.fileSize)}`;
}

function Actions({ detail }: { detail: ImportDetail }) {
  const ws = useWorkspace();
  const done = detail.status === 'completed' || detail.status === 'undone';
  return (
    <>
      <ImportStatusBadge record={detail} size="lg" />
      {done && detail.status === 'completed' && <UndoImport detail={detail} />}
      {done && importedNothing(detail) ? (
        <Button component={Link} to={`/w/${ws.slug}/imports`} leftSection={<IconFileUpload size={16} />}>
          Upload again
        </Button>
      ) : (
        done && (
          <Button component={Link} to={`/w/${ws.slug}/deals`} leftSection={<IconBriefcase size={16} />}>
            View deals
          </Button>
        )
      )}
    </>
  );
}

function Body({ detail }: { detail: ImportDetail }) {
  const ws = useWorkspace();
  switch (detail.status) {
    case 'pending':
      return <ImportSetup detail={detail} />;
    case 'running':
      return <ImportProgress detail={detail} />;
    case 'completed':
    case 'undone':
      return <ImportResultView detail={detail} />;
    case 'failed':
      return (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Nothing was imported" role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {detail.error ? problemForTheWeb(detail.error, 'Upload it again and choose the date order in step 3.') : 'The import failed.'}
            </Text>
            <Text size="sm" c="dimmed">
              An import is all or nothing: no deal was changed.
            </Text>
            <Group>
              <Button component={Link} to={`/w/${ws.slug}/imports`} leftSection={<IconFileUpload size={16} />}>
                Upload again
              </Button>
            </Group>
          </Stack>
        </Alert>
      );
    default: {
      const never: never = detail.status;
      return never;
    }
  }
}
