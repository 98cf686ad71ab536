import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Box, Button, Card, CloseButton, FileButton, Group, Image, Progress, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconExternalLink, IconEye, IconFileSpreadsheet, IconFileText, IconFileTypePdf, IconFileUpload, IconPhoto, IconPresentation, IconTrash } from '@tabler/icons-react';
import { ASSET_FILE_ACCEPT, ASSET_FILE_KINDS, type AssetFile, type AssetFileKind, type AssetFileList } from '@tandem/contracts';
import { ConfirmModal } from '../../../../app/components/confirm-modal.tsx';
import { FileDropZone } from '../../../../app/components/file-drop-zone.tsx';
import { notifySuccess } from '../../../../app/components/notify.ts';
import { formatRelative, QueryView, TableSkeleton } from '../../../../app/kit/index.ts';
import { useConfirmAction } from '../../../../app/use-confirm-action.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { assetFileUrls, useAssetFiles, useRemoveAssetFile, useUploadAssetFiles } from '../../hooks/use-files.ts';
import { useRecordUsage } from '../../hooks/use-usage.ts';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;
}

/** A larger PDF or image waits for a click before the page loads it. */
const AUTO_PREVIEW_BYTES = 10 * 1048576;

const KIND_ICONS: Record<AssetFileKind, typeof IconFileText> = {
  pdf: IconFileTypePdf,
  pptx: IconPresentation,
  docx: IconFileText,
  xlsx: IconFileSpreadsheet,
  png: IconPhoto,
  jpeg: IconPhoto,
};

/**
 * An asset's files (on the asset page): add them by dropping or choosing (PDF, PowerPoint, Word, Excel, PNG,
 * JPEG), each with its thumbnail; PDFs and images open in a preview below the list; every file downloads.
 */
export function AssetFiles({ assetId }: { assetId: string }) {
  const { slug } = useWorkspace();
  const files = useAssetFiles(slug, assetId);
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="asset-files-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="asset-files-title">
          Files
        </Title>
        <QueryView query={files} skeleton={<TableSkeleton rows={2} />} error="Could not load the files">
          {(data) => <FilesBody slug={slug} assetId={assetId} data={data} />}
        </QueryView>
      </Stack>
    </Card>
  );
}

function FilesBody({ slug, assetId, data }: { slug: string; assetId: string; data: AssetFileList }) {
  // A file chosen, 'closed', or null: then the first PDF or image opens by itself when it is small enough.
  const [previewId, setPreviewId] = useState<string | null>(null);
  const previewable = data.items.filter((f) => f.previewable);
  const chosen = previewable.find((f) => f.id === previewId);
  const preview = chosen ?? (previewId === 'closed' ? null : (previewable.find((f) => f.sizeBytes <= AUTO_PREVIEW_BYTES) ?? null));
  const remove = useRemoveAssetFile(slug, assetId);
  const usage = useRecordUsage(slug, assetId);
  const confirmRemove = useConfirmAction(async (file: AssetFile) => {
    await remove.mutateAsync(file.id);
    notifySuccess(`${file.fileName} was removed from this asset. Share links no longer offer it.`, 'File removed');
  });

  return (
    <Stack gap="md">
      {data.canWrite && <Uploader slug={slug} assetId={assetId} maxBytes={data.maxBytes} />}
      {data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {data.canWrite ? 'No files yet. Add the deck, PDF or sheet reps should send.' : 'No files on this asset.'}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Files of this asset">
          {data.items.map((file) => (
            <FileRow
              key={file.id}
              slug={slug}
              file={file}
              selected={preview?.id === file.id}
              canWrite={data.canWrite}
              onPreview={() => setPreviewId(file.id)}
              onDownload={() => usage.mutate({ kind: 'downloaded' })}
              onRemove={() => confirmRemove.ask(file)}
            />
          ))}
        </Stack>
      )}
      {preview && <Preview slug={slug} file={preview} onClose={() => setPreviewId('closed')} />}
      <ConfirmModal title="Remove this file?" confirmLabel="Remove file" danger {...confirmRemove.modal}>
        {`${confirmRemove.target?.fileName ?? 'The file'} will be deleted from this asset for everyone, including prospects who have a share link.`}
      </ConfirmModal>
    </Stack>
  );
}

function Uploader({ slug, assetId, maxBytes }: { slug: string; assetId: string; maxBytes: number }) {
  const up = useUploadAssetFiles(slug, assetId, maxBytes);
  const busy = up.current !== null;
  const mb = Math.round(maxBytes / 1048576);
  return (
    <Stack gap="xs">
      <FileDropZone busy={busy} onFile={(f) => void up.send([f])} label="Add a file to this asset">
        {up.current ? (
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={500} lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                {up.current.progress < 1 ? `Sending ${up.current.name}…` : `Checking ${up.current.name} and drawing its preview…`}
              </Text>
              <Button size="xs" variant="subtle" onClick={up.cancel}>
                Cancel
              </Button>
            </Group>
            <Progress value={Math.round(up.current.progress * 100)} animated={up.current.progress >= 1} aria-label={`Upload of ${up.current.name}`} />
            {up.current.queued > 0 && (
              <Text size="xs" c="dimmed">
                {up.current.queued} more waiting
              </Text>
            )}
          </Stack>
        ) : (
          <Group gap="md" wrap="wrap" justify="center" ta="center">
            <ThemeIcon size={40} radius="xl" variant="light" visibleFrom="sm">
              <IconFileUpload size={22} />
            </ThemeIcon>
            <Stack gap={2} style={{ flex: '1 1 220px' }} ta="left">
              <Text size="sm" fw={500}>
                <Text span inherit visibleFrom="sm">
                  Drop a file here, or choose files
                </Text>
                <Text span inherit hiddenFrom="sm">
                  Add files
                </Text>
              </Text>
              <Text size="xs" c="dimmed">
                PDF, PowerPoint, Word, Excel, PNG or JPEG, up to {mb} MB. The type is checked from the file itself.
              </Text>
            </Stack>
            <FileButton onChange={(picked) => void up.send(picked)} accept={ASSET_FILE_ACCEPT} multiple>
              {(props) => (
                <Button {...props} leftSection={<IconFileUpload size={16} />} variant="light">
                  Choose files
                </Button>
              )}
            </FileButton>
          </Group>
        )}
      </FileDropZone>
      {up.refusals.map((r) => (
        <Alert key={r.name} color="red" variant="light" title={r.title} withCloseButton onClose={up.dismiss} closeButtonLabel="Dismiss">
          {r.message}
        </Alert>
      ))}
      {!busy && up.added.length > 0 && (
        <Alert color="teal" variant="light" withCloseButton onClose={up.dismiss} closeButtonLabel="Dismiss">
          {up.added.length === 1 ? `${up.added[0]!.fileName} was added.` : `${up.added.length} files were added.`} Reps see files once the asset is published.
        </Alert>
      )}
    </Stack>
  );
}

interface FileRowProps {
  slug: string;
  file: AssetFile;
  selected: boolean;
  canWrite: boolean;
  onPreview: () => void;
  onDownload: () => void;
  onRemove: () => void;
}

function FileRow({ slug, file, selected, canWrite, onPreview, onDownload, onRemove }: FileRowProps) {
  const urls = assetFileUrls(slug, file);
  const Icon = KIND_ICONS[file.kind];
  const label = ASSET_FILE_KINDS[file.kind].label;
  return (
    <Box
      component="li"
      p="xs"
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        border: `1px solid ${selected ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)'}`,
      }}
    >
      <Group gap="sm" wrap="nowrap" align="center">
        <Thumb file={file} url={urls.thumbnail} Icon={Icon} onPreview={file.previewable ? onPreview : undefined} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {file.fileName}
          </Text>
          <Text size="xs" c="dimmed">
            {label} · {sizeText(file.sizeBytes)}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {file.uploadedBy ? `${file.uploadedBy.name}, ` : 'Added '}
            {formatRelative(file.uploadedAt)}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {file.previewable && (
            <Tooltip label="Preview">
              <ActionIcon variant={selected ? 'light' : 'subtle'} size="lg" onClick={onPreview} aria-label={`Preview ${file.fileName}`} aria-pressed={selected}>
                <IconEye size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label="Download">
            <ActionIcon component="a" href={urls.download} download={file.fileName} variant="subtle" size="lg" onClick={onDownload} aria-label={`Download ${file.fileName}`}>
              <IconDownload size={18} />
            </ActionIcon>
          </Tooltip>
          {canWrite && (
            <Tooltip label="Remove">
              <ActionIcon variant="subtle" color="red" size="lg" onClick={onRemove} aria-label={`Remove ${file.fileName}`}>
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
    </Box>
  );
}

function Thumb({ file, url, Icon, onPreview }: { file: AssetFile; url: string; Icon: typeof IconFileText; onPreview?: () => void }) {
  const [failed, setFailed] = useState(false);
  const box = { width: 56, height: 56, flex: '0 0 56px' };
  const picture =
    file.hasThumbnail && !failed ? (
      <Image src={url} alt="" w={56} h={56} fit="cover" radius="sm" onError={() => setFailed(true)} style={{ objectPosition: 'top' }} />
    ) : (
      <ThemeIcon size={56} radius="sm" variant="light" color="gray">
        <Icon size={26} />
      </ThemeIcon>
    );
  if (!onPreview) return <Box style={box}>{picture}</Box>;
  return (
    <Box component="button" type="button" onClick={onPreview} aria-label={`Preview ${file.fileName}`} p={0} style={{ ...box, border: 0, background: 'none', cursor: 'pointer' }}>
      {picture}
    </Box>
  );
}

/** The chosen PDF in the browser's own viewer, or the image; a link opens it in a tab of its own (phones often cannot show a PDF in a frame). */
function Preview({ slug, file, onClose }: { slug: string; file: AssetFile; onClose: () => void }) {
  const { inline } = assetFileUrls(slug, file);
  return (
    <Stack gap="xs" aria-label={`Preview of ${file.fileName}`} role="region">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} lineClamp={1} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          {file.fileName}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Anchor href={inline} target="_blank" rel="noopener" size="sm" style={{ whiteSpace: 'nowrap' }}>
            <Group gap={4} wrap="nowrap" component="span">
              <IconExternalLink size={14} aria-hidden />
              Open
              <Text span size="sm" visibleFrom="sm">
                in a new tab
              </Text>
            </Group>
          </Anchor>
          <CloseButton onClick={onClose} aria-label="Close the preview" />
        </Group>
      </Group>
      {file.kind === 'pdf' ? (
        <Box
          component="iframe"
          src={inline}
          title={`Preview of ${file.fileName}`}
          style={{ width: '100%', height: 'min(75vh, 900px)', minHeight: 360, border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
        />
      ) : (
        <Image src={inline} alt={`Preview of ${file.fileName}`} radius="md" fit="contain" mah="75vh" style={{ border: '1px solid var(--mantine-color-default-border)' }} />
      )}
    </Stack>
  );
}
