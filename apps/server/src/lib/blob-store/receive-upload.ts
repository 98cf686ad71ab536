import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/** An upload as a route hands it on: the name the sender gave and the bytes (`truncated` past the size limit). */
export interface UploadedFile {
  name: string;
  stream: AsyncIterable<Buffer> & { truncated?: boolean };
}

/** An upload kept in a temporary file, before it is checked and moved to the blob store. */
export interface ReceivedUpload {
  tmp: string;
  size: number;
  sha256: string;
}

/**
 * The upload in a temporary file under `tmpDir`, counted and hashed; refused with `tooLarge()` past `maxBytes` and
 * with `empty()` when it has no bytes. Nothing is left behind on a refusal. Used by every feature that takes files
 * into the blob store (the library's asset files, the requests' attachments).
 */
export async function receiveUpload(
  file: UploadedFile,
  opts: { tmpDir: string; prefix: string; maxBytes: number; tooLarge: () => Error; empty: () => Error },
): Promise<ReceivedUpload> {
  await fs.mkdir(opts.tmpDir, { recursive: true });
  const tmp = path.join(opts.tmpDir, `${opts.prefix}-${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  const out = createWriteStream(tmp);
  try {
    await pipeline(
      file.stream,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > opts.maxBytes) throw opts.tooLarge();
          hash.update(chunk);
          yield chunk;
        }
      },
      out,
    );
    // The multipart parser stops a file at the limit and says so here, without an error.
    if (file.stream.truncated) throw opts.tooLarge();
    if (size === 0) throw opts.empty();
  } catch (e) {
    // Removed once the stream has closed: removed while the file was still opening, it would come back.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await fs.rm(tmp, { force: true });
    throw e;
  }
  return { tmp, size, sha256: hash.digest('hex') };
}
