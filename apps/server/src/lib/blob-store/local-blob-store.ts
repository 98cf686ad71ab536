import fs from 'node:fs/promises';
import path from 'node:path';
import { localFileStore } from '../file-store.ts';
import { FileMissingError, type BlobStore } from './blob-store.ts';

/** Blobs as files under `root` (the data folder's `files/`), written through the import uploads' file store. */
export function localBlobStore(root: string): BlobStore {
  const files = localFileStore(root);
  return {
    kind: 'local',
    async put(key, body, sizeBytes) {
      const { size } = await files.put(key, body);
      if (size !== sizeBytes) {
        await files.delete(key);
        throw new Error(`blob "${key}": wrote ${size} bytes, expected ${sizeBytes}`);
      }
    },
    async open(key) {
      // Opened before answering, so a missing blob is an error the caller can still turn into a status.
      const handle = await fs.open(path.join(root, ...checkedKey(key).split('/')), 'r').catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'ENOENT' ? new FileMissingError(key) : e;
      });
      return handle.createReadStream({ highWaterMark: 1 << 20 });
    },
    delete: (key) => files.delete(checkedKey(key)),
  };
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** A key is a relative path of plain names: never `..`, never absolute. */
export function checkedKey(key: string): string {
  if (!KEY.test(key) || key.split('/').includes('..')) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
  return key;
}
