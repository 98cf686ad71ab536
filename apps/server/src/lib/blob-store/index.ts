import path from 'node:path';
import { ConfigError, type Config } from '../../config.ts';
import type { BlobStore } from './blob-store.ts';
import { localBlobStore } from './local-blob-store.ts';
import { s3BlobStore } from './s3-blob-store.ts';

export { FileMissingError, type BlobStore } from './blob-store.ts';
export { localBlobStore } from './local-blob-store.ts';
export { s3BlobStore } from './s3-blob-store.ts';
export { receiveUpload, type ReceivedUpload, type UploadedFile } from './receive-upload.ts';

type BlobConfig = Pick<
  Config,
  'dataDir' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'
>;

/** The store the configuration names: the bucket S3_BUCKET when set, else `<data folder>/files/`. */
export function createBlobStore(config: BlobConfig): BlobStore {
  if (!config.S3_BUCKET) return localBlobStore(path.join(config.dataDir, 'files'));
  const id = config.S3_ACCESS_KEY_ID;
  const secret = config.S3_SECRET_ACCESS_KEY;
  if (!id !== !secret) {
    throw new ConfigError(`Invalid configuration — ${id ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'}: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither`);
  }
  return s3BlobStore({
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    ...(id && secret ? { credentials: { accessKeyId: id, secretAccessKey: secret } } : {}),
  });
}
