import { useRef, useState } from 'react';
import { ActionIcon, Anchor, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import type { RequestDetail } from '@tandem/contracts';
import { notifyError, notifySuccess } from '../../../../app/components/notify.ts';
import { formatRelative } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { attachmentUrl, useRemoveAttachment, useUploadAttachment } from '../../hooks/use-request-actions.ts';

// What the server takes (it reads the type from the content); the picker offers only these.
const ACCEPT = '.pdf,.pptx,.docx,.xlsx,.png,.jpg,.jpeg';

const size = (b: number) => (b < 1024 ? `${b} B` : b < 1024 * 1024 ? `${(b / 1024).toFixed(0)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`);

/** Files that came with the request (a prospect's deck, an RFP): download, attach, remove. */
export function RequestAttachments({ request: r, slug }: { request: RequestDetail; slug: string }) {
  const ws = useWorkspace();
  const me = useRequiredSession().user.id;
  const upload = useUploadAttachment(slug, r.id);
  const remove = useRemoveAttachment(slug, r.id);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const send = async (file: File) => {
    setProgress(0);
    try {
      await upload.mutateAsync({ file, onProgress: (sent, total) => setProgress(total ? (sent / total) * 100 : 0) });
      notifySuccess(`${file.name} is attached to #${r.number}.`, 'File attached');
    } catch (e) {
      notifyError(e, 'The file was not attached');
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="files-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="files-title">
            Attachments
          </Title>
          {r.permissions.attach && (
            <>
              <input
                ref={input}
                type="file"
                accept={ACCEPT}
                hidden
                aria-hidden
                tabIndex={-1}
                onChange={(e) => {
                  const f = e.currentTarget.files?.[0];
                  if (f) void send(f);
                }}
              />
              <Button size="xs" variant="default" leftSection={<IconPaperclip size={14} />} onClick={() => input.current?.click()} loading={progress !== null}>
                Attach a file
              </Button>
            </>
          )}
        </Group>
        {progress !== null && <Progress value={progress} aria-label="Upload progress" />}
        {r.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            No files.{r.permissions.attach ? ' Attach a PDF, PowerPoint, Word, Excel, PNG or JPEG file (a prospect’s deck, an RFP).' : ''}
          </Text>
        ) : (
          <Stack gap={6} role="list" aria-labelledby="files-title">
            {r.attachments.map((f) => (
              <Group key={f.fileId} justify="space-between" wrap="nowrap" role="listitem">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor href={attachmentUrl(slug, r.id, f.fileId)} download={f.fileName} size="sm" style={{ textDecoration: 'underline', overflowWrap: 'anywhere' }}>
                    {f.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {size(f.sizeBytes)} · {f.uploadedBy?.name ?? 'Someone'} · {formatRelative(f.uploadedAt)}
                  </Text>
                </Stack>
                {(f.uploadedBy?.userId === me || ws.can('requests.triage')) && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${f.fileName}`}
                    loading={remove.isPending && remove.variables === f.fileId}
                    onClick={() =>
                      remove.mutate(f.fileId, {
                        onSuccess: () => notifySuccess(`${f.fileName} is no longer attached.`, 'File removed'),
                        onError: (e) => notifyError(e, 'The file was not removed'),
                      })
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
