/**
 * Asset files in an S3-compatible bucket (S3_*): a round trip through the AWS SDK v3 client against s3rver,
 * started here on a free port with its buckets in a temporary folder (no network). A refused upload leaves no
 * object; an upload the bucket refuses leaves no row.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { htmlPage, pdfOf, pngOf } from './fixtures/sample-files.ts';

const BUCKET = 'tandem-files';
let server: S3rver;
let dir: string;
let endpoint: string;
let s3: S3Client;
let h: Harness;
let admin: Client;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
const s3Env = (bucket = BUCKET) => ({
  S3_BUCKET: bucket,
  S3_ENDPOINT: endpoint,
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  S3_FORCE_PATH_STYLE: '1',
});

async function keysInBucket(): Promise<string[]> {
  const res = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (res.Contents ?? []).map((o) => o.Key!).sort();
}

async function newAsset(harness: Harness) {
  const q = (text: string, values: unknown[]) => harness.services.deps.database.pool.query(text, values);
  const ws = (await q(`select id from workspaces where slug = 'acme'`, [])).rows[0].id as string;
  return (await q(`insert into assets (workspace_id, title, type, status) values ($1, 'Cloud battlecard', 'battlecard', 'published') returning id`, [ws])).rows[0].id as string;
}

async function upload(harness: Harness, who: Client, assetId: string, bytes: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const req = new Request('http://tandem.test', { method: 'POST', body: form });
  return call(harness.app, who, 'POST', api(`assets/${assetId}/files`), {
    body: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  });
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-s3rver-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  h = await createHarness(s3Env());
  admin = await setupAdmin(h.app);
});
afterAll(async () => {
  await h?.close();
  s3?.destroy();
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('asset files in an S3 bucket', () => {
  it('stores the file and its thumbnail as objects, serves them back, and deletes them with the file', async () => {
    expect(h.services.deps.blobs.kind).toBe('s3');
    const assetId = await newAsset(h);
    const bytes = pdfOf('Stored in S3', 2);
    const res = await upload(h, admin, assetId, bytes, 'cloud.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json() as { id: string; hasThumbnail: boolean };
    expect(file.hasThumbnail).toBe(true);

    const keys = await keysInBucket();
    const wsId = (await h.services.deps.database.pool.query(`select id from workspaces where slug = 'acme'`)).rows[0].id as string;
    expect(keys).toEqual([`${wsId}/${assetId}/${file.id}`, `${wsId}/${assetId}/${file.id}.thumb.png`]);
    // The object is the file, byte for byte, read with another client.
    const obj = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: keys[0] }));
    expect(sha(await obj.Body!.transformToByteArray())).toBe(sha(bytes));
    // Nothing was left in the data folder: the bucket holds the files.
    expect(await fs.readdir(path.join(h.services.deps.config.dataDir, 'files')).catch(() => [])).toEqual([]);

    const down = await call(h.app, admin, 'GET', api(`assets/${assetId}/files/${file.id}`));
    expect(down.statusCode).toBe(200);
    expect(sha(down.rawPayload)).toBe(sha(bytes));
    const thumb = await call(h.app, admin, 'GET', api(`assets/${assetId}/files/${file.id}/thumbnail`));
    expect(thumb.rawPayload.readUInt32BE(16)).toBe(320);

    expect((await call(h.app, admin, 'DELETE', api(`assets/${assetId}/files/${file.id}`))).statusCode).toBe(204);
    expect(await keysInBucket()).toEqual([]);
  });

  it('leaves no object behind when a file is refused', async () => {
    const assetId = await newAsset(h);
    const res = await upload(h, admin, assetId, htmlPage(), 'brochure.pdf');
    expect(res.statusCode).toBe(415);
    expect(await keysInBucket()).toEqual([]);
  });

  it('writes no row when the bucket refuses the upload', async () => {
    const broken = await createHarness(s3Env('no-such-bucket'));
    try {
      const who = await setupAdmin(broken.app);
      const assetId = await newAsset(broken);
      const res = await upload(broken, who, assetId, await pngOf(), 'chart.png');
      expect(res.statusCode).toBe(500);
      expect(res.json().detail).not.toMatch(/bucket/i);
      expect((await broken.services.deps.database.pool.query('select count(*)::int as n from asset_files')).rows[0].n).toBe(0);
      expect(await fs.readdir(path.join(broken.services.deps.config.dataDir, 'tmp')).catch(() => [])).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});
