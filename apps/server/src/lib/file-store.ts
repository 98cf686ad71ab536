/**
 * Where uploaded files are kept between their upload and their use, by key (`uploads/<id>.upload`),
 * never by a machine's path: every app process sharing the store finds a file another one received.
 * The local store keeps them under the data folder (a disk every process mounts, e.g. NFS); issue 9
 * adds object storage behind the same interface.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileStore {
  /** Writes the stream under `key`, visible only once complete; nothing is left when the stream fails. Returns the bytes written. */
  put(key: string, body: AsyncIterable<Buffer>): Promise<{ size: number }>;
  /** The file's bytes; the stream fails with a FileMissingError when there is no such file. */
  open(key: string): Readable;
  /** Removes the file; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** No file under this key (deleted, expired, or kept by a store this process does not share). */
export class FileMissingError extends Error {
  constructor(readonly key: string) {
    super(`no file "${key}" in the file store`);
    this.name = 'FileMissingError';
  }
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * Files under `root`. A key is a relative path of plain names (no `..`, no leading `/`). Rows written before
 * keys existed hold an absolute path outside the store's folder; those are still read (and deleted) where they are.
 */
export function localFileStore(root: string): FileStore {
  const where = (key: string) => {
    if (path.isAbsolute(key)) return key; // a path recorded before the store (migration 0005 keeps those it cannot turn into keys)
    if (!KEY.test(key) || key.split('/').includes('..')) throw new Error(`not a file-store key: ${JSON.stringify(key)}`);
    return path.join(root, ...key.split('/'));
  };
  return {
    async put(key, body) {
      const target = where(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.${process.pid}.partial`;
      let size = 0;
      const counted = async function* () {
        for await (const chunk of body) {
          size += chunk.length;
          yield chunk;
        }
      };
      const out = createWriteStream(partial);
      try {
        await pipeline(counted, out);
        await fs.rename(partial, target);
      } catch (e) {
        // A failed pipeline destroys the file stream, whose file may still be opening: removed before it closes,
        // the partial file came back once it had (seen in CI). Remove it once the stream has closed.
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
        await fs.rm(partial, { force: true });
        throw e;
      }
      return { size };
    },

    open(key) {
      const file = createReadStream(where(key), { highWaterMark: 1 << 20 });
      return Readable.from(
        (async function* () {
          try {
            yield* file;
          } catch (e) {
            throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? new FileMissingError(key) : e;
          } finally {
            file.destroy();
          }
        })(),
        { objectMode: false },
      );
    },

    async delete(key) {
      await fs.rm(where(key), { force: true });
    },
  };
}

/** The store the configuration names: today the data folder (TANDEM_DATA_DIR) on local or shared disk. */
export function createFileStore(config: { dataDir: string }): FileStore {
  return localFileStore(config.dataDir);
}
