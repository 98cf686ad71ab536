import { z } from 'zod';
import { Uuid } from '../common.ts';

/**
 * Schemas of the library's files feature: the files attached to an asset (PDF, PPTX, DOCX, XLSX, PNG, JPEG),
 * their type read from the content, never from the name.
 */

/** What an asset takes, by kind: the media type the content must show and the names it may carry. */
export const ASSET_FILE_KINDS = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], label: 'PowerPoint' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG image' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG image' },
} as const;
export type AssetFileKind = keyof typeof ASSET_FILE_KINDS;
export const ASSET_FILE_KIND_VALUES = Object.keys(ASSET_FILE_KINDS) as AssetFileKind[];
/** For a file input's `accept`: every extension and media type taken. */
export const ASSET_FILE_ACCEPT = ASSET_FILE_KIND_VALUES.flatMap((k) => [
  ...ASSET_FILE_KINDS[k].extensions.map((e) => `.${e}`),
  ASSET_FILE_KINDS[k].mediaType,
]).join(',');

export const AssetFile = z.object({
  id: Uuid,
  assetId: Uuid,
  fileName: z.string(),
  kind: z.enum(ASSET_FILE_KIND_VALUES as [AssetFileKind, ...AssetFileKind[]]),
  /** Read from the content when it was uploaded. */
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.object({ userId: Uuid, name: z.string() }).nullable(),
  /** A PNG of the first page (PDF) or the image, about 320 px wide; false when none could be made. */
  hasThumbnail: z.boolean(),
  /** PDFs and images open in the browser (`?inline=1`); the rest only download. */
  previewable: z.boolean(),
});
export type AssetFile = z.infer<typeof AssetFile>;

export const AssetFileList = z.object({
  items: z.array(AssetFile),
  /** The largest file an upload takes, in bytes (TANDEM_ASSET_FILE_MAX_MB). */
  maxBytes: z.number().int(),
  /** Whether the caller may upload and remove files. */
  canWrite: z.boolean(),
});
export type AssetFileList = z.infer<typeof AssetFileList>;

export const AssetFileDownloadQuery = z.object({
  /** `1`: open in the browser (PDFs and images only) instead of downloading. */
  inline: z.enum(['0', '1']).optional(),
});
export type AssetFileDownloadQuery = z.infer<typeof AssetFileDownloadQuery>;
