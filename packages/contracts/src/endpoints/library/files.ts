import { endpoint, workspaceAnd } from '../../endpoint.ts';
import { AssetFile, AssetFileDownloadQuery, AssetFileList } from '../../library/files.ts';

// The library's files rows of the endpoint table (see ../library.ts): files on an asset, their downloads and
// thumbnails. Readers who may not write the library see only the files of published assets.
const AssetParam = workspaceAnd('assetId');
const FileParam = workspaceAnd('assetId', 'fileId');
const read = { action: 'library.read' } as const;
const write = { action: 'library.write' } as const;

export const filesUpload = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/assets/:assetId/files',
  summary: 'Attach a file to an asset (multipart field `file`): PDF, PPTX, DOCX, XLSX, PNG or JPEG, checked by content; 415 when the content is another type or disagrees with the name',
  tag: 'library',
  access: write,
  params: AssetParam,
  body: 'multipart',
  status: 201,
  response: AssetFile,
});

export const filesList = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/files',
  summary: "An asset's files, oldest first",
  tag: 'library',
  access: read,
  params: AssetParam,
  response: AssetFileList,
});

export const filesDownload = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/files/:fileId',
  summary: 'The file, as an attachment; `inline=1` opens a PDF or an image in the browser',
  tag: 'library',
  access: read,
  params: FileParam,
  query: AssetFileDownloadQuery,
  produces: 'application/octet-stream',
});

export const filesThumbnail = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/assets/:assetId/files/:fileId/thumbnail',
  summary: "A PNG of a PDF's first page or of an image, about 320 px wide (404 when none could be made)",
  tag: 'library',
  access: read,
  params: FileParam,
  produces: 'image/png',
});

export const filesRemove = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/assets/:assetId/files/:fileId',
  summary: 'Remove a file from an asset (its content and thumbnail are deleted)',
  tag: 'library',
  access: write,
  params: FileParam,
  status: 204,
});
