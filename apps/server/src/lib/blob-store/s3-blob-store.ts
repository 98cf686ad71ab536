import type { S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { FileMissingError, type BlobStore } from './blob-store.ts';
import { checkedKey } from './local-blob-store.ts';

export interface S3Options {
  bucket: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

// The SDK takes over a second to load: only a process that uses a bucket loads it, on its first call.
const sdk = () => import('@aws-sdk/client-s3');

/**
 * Blobs in an S3-compatible bucket (AWS SDK v3). A PutObject of known length streams the body and the object
 * appears only once complete, so a failed upload leaves nothing. Checksums are sent only when an operation
 * requires them: the SDK's default (a CRC trailer in aws-chunked encoding) is refused by many S3-compatible
 * servers (s3rver, older MinIO and Ceph).
 */
export function s3BlobStore(options: S3Options): BlobStore {
  const Bucket = options.bucket;
  let client: Promise<S3Client> | undefined;
  const s3 = () => (client ??= s3Client(options));
  return {
    kind: 's3',
    async put(key, body, sizeBytes) {
      const { PutObjectCommand } = await sdk();
      await (await s3()).send(new PutObjectCommand({ Bucket, Key: checkedKey(key), Body: body, ContentLength: sizeBytes }));
    },
    async open(key) {
      const { GetObjectCommand } = await sdk();
      try {
        const res = await (await s3()).send(new GetObjectCommand({ Bucket, Key: checkedKey(key) }));
        if (!res.Body) throw new FileMissingError(key);
        return res.Body instanceof Readable ? res.Body : Readable.from(res.Body as AsyncIterable<Uint8Array>);
      } catch (e) {
        const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (err.name === 'NoSuchKey' || err.$metadata?.httpStatusCode === 404) throw new FileMissingError(key);
        throw e;
      }
    },
    async delete(key) {
      const { DeleteObjectCommand } = await sdk();
      await (await s3()).send(new DeleteObjectCommand({ Bucket, Key: checkedKey(key) }));
    },
  };
}

async function s3Client(o: S3Options): Promise<S3Client> {
  const { S3Client } = await sdk();
  return new S3Client({
    region: o.region,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    forcePathStyle: o.forcePathStyle,
    ...(o.credentials ? { credentials: o.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
