/**
 * Where the library keeps asset files and their thumbnails, by key (`<workspace>/<asset>/<file>`): the data
 * folder (`<data>/files/`) by default, or an S3-compatible bucket (S3_*). A blob is written whole or not at all,
 * and its size is known before it is written (S3's PutObject streams a body of known length).
 */
import type { Readable } from 'node:stream';
import { FileMissingError } from '../file-store.ts';

export { FileMissingError };

export interface BlobStore {
  /** `local` (a folder) or `s3` (a bucket): said in logs and tests, never branched on by callers. */
  readonly kind: 'local' | 's3';
  /** Writes `sizeBytes` bytes under `key`, visible only once complete; nothing is left when the stream fails. */
  put(key: string, body: Readable, sizeBytes: number): Promise<void>;
  /** The blob's bytes, once it is known to exist; FileMissingError when there is no such blob. */
  open(key: string): Promise<Readable>;
  /** Removes the blob; a missing one is not an error. */
  delete(key: string): Promise<void>;
}
