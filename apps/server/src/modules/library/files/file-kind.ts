/**
 * What a file is, read from its content with file-type (magic numbers; for DOCX, PPTX and XLSX, the ZIP's
 * `[Content_Types].xml`), and whether its name agrees. Never the name alone: an HTML page or a program renamed
 * `.pdf` is refused, and so is a PNG named `.docx`. Database-free.
 */
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { ASSET_FILE_KINDS, ASSET_FILE_KIND_VALUES, type AssetFileKind } from '@tandem/contracts';

export type KindCheck =
  | { ok: true; kind: AssetFileKind; mediaType: string; fileName: string }
  | { ok: false; detail: string };

const TAKEN = 'an asset takes PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx), PNG and JPEG files';

const NAMED: Record<string, string> = {
  cfb: 'an older Office file (.doc, .xls or .ppt) — save it in the newer format (.docx, .xlsx or .pptx) first',
  zip: 'a ZIP archive',
  exe: 'a Windows program (EXE)',
  elf: 'a Linux program (ELF)',
  gif: 'a GIF image',
  webp: 'a WebP image',
  svg: 'an SVG image',
  odt: 'an OpenDocument text',
  odp: 'an OpenDocument presentation',
  ods: 'an OpenDocument spreadsheet',
};

/** The extension a name ends with, lower case, or '' (".hidden" and "README" have none). */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m && m.index > 0 ? m[1]!.toLowerCase() : '';
}

/** Text that no magic number names: HTML, a script, CSV, plain text (all bytes of the opening printable or UTF-8). */
async function describeUnknown(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead);
    const printable = head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
    if (!printable) return 'content of no type Tandem recognises';
    const text = head.toString('utf8').trimStart().toLowerCase();
    if (/^(<!doctype html|<html|<head|<body|<script|<svg|<\?xml)/.test(text) || /<script[\s>]/.test(text)) return 'text: HTML, SVG or XML markup';
    return 'text';
  } finally {
    await handle.close();
  }
}

/**
 * The kind of the file at `path` uploaded as `fileName`, or why it is refused. A name without an extension
 * takes the one of its content; a name whose extension names another kind than the content is refused.
 */
export async function checkKind(path: string, fileName: string): Promise<KindCheck> {
  const detected = await fileTypeFromFile(path).catch(() => undefined);
  const kind = ASSET_FILE_KIND_VALUES.find((k) => ASSET_FILE_KINDS[k].mediaType === detected?.mime);
  const name = `"${fileName}"`;
  if (!kind) {
    const what = detected ? (NAMED[detected.ext] ?? `a ${detected.ext.toUpperCase()} file (${detected.mime})`) : await describeUnknown(path);
    return { ok: false, detail: `${name} is ${what}; ${TAKEN}. The type is read from the file's content, not from its name.` };
  }
  const spec = ASSET_FILE_KINDS[kind];
  const ext = extensionOf(fileName);
  if (!ext) return { ok: true, kind, mediaType: spec.mediaType, fileName: `${fileName}.${spec.extensions[0]}` };
  if (!(spec.extensions as readonly string[]).includes(ext)) {
    return {
      ok: false,
      detail: `${name} is named as a .${ext} file, but its content is a ${spec.label} file (${spec.mediaType}); rename it to .${spec.extensions[0]} if that is what it is.`,
    };
  }
  return { ok: true, kind, mediaType: spec.mediaType, fileName };
}
