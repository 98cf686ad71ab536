import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
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

/**
 * Blobs in an S3-compatible bucket (AWS SDK v3). A PutObject of known length streams the body and the object
 * appears only once complete, so a failed upload leaves nothing. Checksums are sent only when an operation
 * requires them: the SDK's default (a CRC trailer in aws-chunked encoding) is refused by many S3-compatible
 * servers (s3rver, older MinIO and Ceph).
 */
export function s3BlobStore(options: S3Options, client = s3Client(options)): BlobStore {
  const Bucket = options.bucket;
  return {
    kind: 's3',
    async put(key, body, sizeBytes) {
      await client.send(new PutObjectCommand({ Bucket, Key: checkedKey(key), Body: body, ContentLength: sizeBytes }));
    },
    async open(key) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: checkedKey(key) }));
        if (!res.Body) throw new FileMissingError(key);
        return res.Body instanceof Readable ? res.Body : Readable.from(res.Body as AsyncIterable<Uint8Array>);
      } catch (e) {
        if (e instanceof S3ServiceException && (e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404)) throw new FileMissingError(key);
        throw e;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkedKey(key) }));
    },
  };
}

export function s3Client(o: S3Options): S3Client {
  return new S3Client({
    region: o.region,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    forcePathStyle: o.forcePathStyle,
    ...(o.credentials ? { credentials: o.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
