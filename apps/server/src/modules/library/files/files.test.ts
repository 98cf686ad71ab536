/**
 * Files on an asset through the API: every accepted type, disguised files refused with 415 and nothing kept,
 * the size limit, thumbnails, download headers, who may do what, and another workspace's files unseen.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { docxOf, exeOf, htmlPage, jpegOf, pdfOf, pngOf, pptxOf, xlsxOf } from './fixtures/sample-files.ts';
import { listAssetFiles, openAssetFile } from './files.service.ts';

let h: Harness;
let admin: Client;
let pmm: Client;
let lead: Client;
let rep: Client;
let outsider: Client;
let wsA: string;
const api = (p: string, slug = 'acme') => `/api/v1/workspaces/${slug}/${p}`;
const q = async (text: string, values: unknown[] = []) => (await h.services.deps.database.pool.query(text, values)).rows;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function newAsset(status: 'draft' | 'published' | 'archived', workspaceId = wsA) {
  const [row] = await q(`insert into assets (workspace_id, title, type, status) values ($1, $2, 'battlecard', $3) returning id`, [
    workspaceId,
    `Asset ${status} ${Math.random().toString(36).slice(2, 7)}`,
    status,
  ]);
  return (row as { id: string }).id;
}

async function multipart(bytes: Buffer, name: string, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const req = new Request('http://tandem.test', { method: 'POST', body: form });
  return { body: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

async function upload(who: Client, assetId: string, bytes: Buffer, name: string, slug = 'acme') {
  return call(h.app, who, 'POST', api(`assets/${assetId}/files`, slug), await multipart(bytes, name));
}

/** Every blob and temporary upload on disk, relative to the data folder. */
async function filesOnDisk(): Promise<string[]> {
  const root = h.services.deps.config.dataDir;
  const found: string[] = [];
  for (const sub of ['files', 'tmp']) {
    const entries = await fs.readdir(path.join(root, sub), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile()) found.push(path.relative(root, path.join(e.parentPath, e.name)));
  }
  return found.sort();
}
const rowCount = async () => Number((await q('select count(*)::int as n from asset_files'))[0]!.n);

beforeAll(async () => {
  h = await createHarness({ TANDEM_ASSET_FILE_MAX_MB: '1' });
  admin = await setupAdmin(h.app);
  pmm = (await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing')).client;
  lead = (await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead')).client;
  rep = (await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales')).client;
  wsA = (await q(`select id from workspaces where slug = 'acme'`))[0]!.id as string;
  // Globex: a second workspace with its own admin, who is no member of Acme.
  expect((await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Globex', slug: 'globex' } })).statusCode).toBe(201);
  outsider = (await addMember(h.app, admin, 'globex', 'gus@globex.test', 'admin')).client;
});
afterAll(async () => h?.close());

describe('uploading', () => {
  it('takes each accepted type, typed by content; the bytes come back unchanged', async () => {
    const assetId = await newAsset('published');
    const cases: [Buffer, string, string][] = [
      [pdfOf('Battlecard'), 'battlecard.pdf', 'pdf'],
      [pptxOf(), 'Pitch deck.pptx', 'pptx'],
      [docxOf(), 'talk-track.docx', 'docx'],
      [await xlsxOf(), 'pricing.xlsx', 'xlsx'],
      [await pngOf(), 'architecture.png', 'png'],
      [await jpegOf(), 'team.jpg', 'jpeg'],
    ];
    for (const [bytes, name, kind] of cases) {
      const res = await upload(pmm, assetId, bytes, name);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ fileName: name, kind, sizeBytes: bytes.length, sha256: sha(bytes), uploadedBy: { name: 'pia' } });
      const got = await call(h.app, rep, 'GET', api(`assets/${assetId}/files/${res.json().id}`));
      expect(got.statusCode).toBe(200);
      expect(sha(got.rawPayload)).toBe(sha(bytes));
    }
    const list = (await call(h.app, rep, 'GET', api(`assets/${assetId}/files`))).json();
    expect(list.items.map((f: { kind: string }) => f.kind)).toEqual(['pdf', 'pptx', 'docx', 'xlsx', 'png', 'jpeg']);
    expect(list.items.map((f: { hasThumbnail: boolean }) => f.hasThumbnail)).toEqual([true, false, false, false, true, true]);
    expect(list.items.map((f: { previewable: boolean }) => f.previewable)).toEqual([true, false, false, false, true, true]);
    expect(list).toMatchObject({ maxBytes: 1048576, canWrite: false });
    const audit = await q(`select action, details from audit_log where workspace_id = $1 and action = 'asset.file_added' and target_id = $2`, [wsA, assetId]);
    expect(audit).toHaveLength(6);
  });

  it('refuses a file whose content disagrees with its name, or is not a type taken, with 415 and keeps nothing', async () => {
    const assetId = await newAsset('draft');
    const before = { rows: await rowCount(), disk: await filesOnDisk() };
    const cases: [Buffer, string, RegExp][] = [
      [htmlPage(), 'pricing.pdf', /"pricing\.pdf" is text: HTML/],
      [exeOf(), 'invoice.pdf', /"invoice\.pdf" is a Windows program \(EXE\)/],
      [await pngOf(), 'proposal.docx', /"proposal\.docx" is named as a \.docx file, but its content is a PNG image file/],
      [docxOf(), 'deck.pptx', /"deck\.pptx" is named as a \.pptx file, but its content is a Word file/],
      [Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'logo.gif', /"logo\.gif" is a GIF image; an asset takes PDF, PowerPoint/],
    ];
    for (const [bytes, name, detail] of cases) {
      const res = await upload(pmm, assetId, bytes, name);
      expect(res.statusCode, res.body).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'LIBRARY_FILE_TYPE_REFUSED', title: 'File type not accepted' });
      expect(res.json().detail).toMatch(detail);
    }
    expect({ rows: await rowCount(), disk: await filesOnDisk() }).toEqual(before);
  });

  it('refuses a file over TANDEM_ASSET_FILE_MAX_MB with 413 naming the file and the limit, and an empty one', async () => {
    const assetId = await newAsset('draft');
    const before = { rows: await rowCount(), disk: await filesOnDisk() };
    const big = Buffer.concat([pdfOf(), Buffer.alloc(1024 * 1024, 0x20)]);
    const res = await upload(pmm, assetId, big, 'huge.pdf');
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'LIBRARY_FILE_TOO_LARGE',
      detail: '"huge.pdf" is larger than 1 MB, the largest file an asset takes (TANDEM_ASSET_FILE_MAX_MB).',
    });
    const empty = await upload(pmm, assetId, Buffer.alloc(0), 'empty.pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'LIBRARY_FILE_EMPTY', detail: '"empty.pdf" is empty.' });
    expect({ rows: await rowCount(), disk: await filesOnDisk() }).toEqual(before);
  });

  it('says what is wrong with a request that carries no file', async () => {
    const assetId = await newAsset('draft');
    const form = new FormData();
    form.append('note', 'no file here');
    const req = new Request('http://tandem.test', { method: 'POST', body: form });
    const res = await call(h.app, pmm, 'POST', api(`assets/${assetId}/files`), {
      body: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('LIBRARY_FILE_MISSING_PART');
    const json = await call(h.app, pmm, 'POST', api(`assets/${assetId}/files`), { body: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().detail).toMatch(/^body: send multipart\/form-data/);
  });

  it('answers 400 to a multipart body cut short, and 404 to an asset that does not exist, keeping nothing', async () => {
    const assetId = await newAsset('draft');
    const before = { rows: await rowCount(), disk: await filesOnDisk() };
    const { body, headers } = await multipart(pdfOf(), 'cut.pdf');
    const cut = await call(h.app, pmm, 'POST', api(`assets/${assetId}/files`), { body: body.subarray(0, body.length - 60), headers });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().code).toBe('INVALID_MULTIPART');
    const missing = await upload(pmm, '00000000-0000-4000-8000-000000000000', pdfOf(), 'nowhere.pdf');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('LIBRARY_ASSET_NOT_FOUND');
    const badId = await upload(pmm, 'not-a-uuid', pdfOf(), 'x.pdf');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().detail).toMatch(/^params\.assetId/);
    expect({ rows: await rowCount(), disk: await filesOnDisk() }).toEqual(before);
  });

  it('keeps a PDF that cannot be drawn, without a thumbnail', async () => {
    const assetId = await newAsset('draft');
    const res = await upload(pmm, assetId, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41)]), 'broken.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'pdf', hasThumbnail: false });
    const thumb = await call(h.app, pmm, 'GET', api(`assets/${assetId}/files/${res.json().id}/thumbnail`));
    expect(thumb.statusCode).toBe(404);
    expect(thumb.json()).toMatchObject({ code: 'LIBRARY_FILE_NO_THUMBNAIL' });
  });
});

describe('reading', () => {
  let assetId: string;
  let pdfId: string;
  let pngId: string;
  let docxId: string;
  beforeAll(async () => {
    assetId = await newAsset('published');
    pdfId = (await upload(pmm, assetId, pdfOf('Preview me'), 'Prévisualisation "Q3".pdf')).json().id;
    pngId = (await upload(pmm, assetId, await pngOf(640, 480), 'chart.png')).json().id;
    docxId = (await upload(pmm, assetId, docxOf(), 'script.docx')).json().id;
  });

  it("makes a PNG thumbnail of a PDF's first page, 320 px wide", async () => {
    const res = await call(h.app, rep, 'GET', api(`assets/${assetId}/files/${pdfId}/thumbnail`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const png = res.rawPayload;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 320, height: 414 });
    const img = (await call(h.app, rep, 'GET', api(`assets/${assetId}/files/${pngId}/thumbnail`))).rawPayload;
    expect({ width: img.readUInt32BE(16), height: img.readUInt32BE(20) }).toEqual({ width: 320, height: 240 });
  });

  it('downloads as an attachment with the type read from the content, never sniffed, in a sandbox', async () => {
    const res = await call(h.app, rep, 'GET', api(`assets/${assetId}/files/${docxId}`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="script.docx"; filename*=UTF-8''script.docx`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    // Asked inline, a Word file still downloads: only PDFs and images open in the browser.
    const inline = await call(h.app, rep, 'GET', api(`assets/${assetId}/files/${docxId}`), { query: { inline: '1' } });
    expect(inline.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('opens a PDF or an image inline, framed by our own pages only, the name kept in UTF-8', async () => {
    const pdf = await call(h.app, rep, 'GET', api(`assets/${assetId}/files/${pdfId}`), { query: { inline: '1' } });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`inline; filename="Pr_visualisation _Q3_.pdf"; filename*=UTF-8''Pr%C3%A9visualisation%20%22Q3%22.pdf`);
    expect(pdf.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(pdf.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(pdf.headers['content-security-policy']).toContain("default-src 'none'");
    const png = await call(h.app, rep, 'GET', api(`assets/${assetId}/files/${pngId}`), { query: { inline: '1' } });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toMatch(/^inline;/);
    expect(png.headers['content-security-policy']).toMatch(/; sandbox$/);
    // The ETag is the content's hash: a second fetch of an unchanged file sends nothing.
    const again = await call(h.app, rep, 'GET', api(`assets/${assetId}/files/${pngId}`), { headers: { 'if-none-match': png.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });

  it("answers 404 for a file of another asset, and 410 when the store lost a file's content", async () => {
    const other = await newAsset('published');
    expect((await call(h.app, rep, 'GET', api(`assets/${other}/files/${pdfId}`))).json().code).toBe('LIBRARY_FILE_NOT_FOUND');
    const lost = (await upload(pmm, other, await pngOf(), 'lost.png')).json().id as string;
    const [row] = await q('select storage_key from asset_files where id = $1', [lost]);
    await h.services.deps.blobs.delete(row!.storage_key as string);
    const res = await call(h.app, rep, 'GET', api(`assets/${other}/files/${lost}`));
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ code: 'LIBRARY_FILE_CONTENT_MISSING', detail: 'The content of "lost.png" is no longer in the file store; upload it again.' });
  });
});

describe('who may do what', () => {
  it('lets admin and marketing upload and remove; sales leads and reps only read', async () => {
    const assetId = await newAsset('published');
    for (const who of [lead, rep]) {
      expect((await upload(who, assetId, pdfOf(), 'nope.pdf')).statusCode).toBe(403);
    }
    const mine = (await upload(admin, assetId, pdfOf(), 'admin.pdf')).json().id as string;
    for (const who of [lead, rep]) {
      expect((await call(h.app, who, 'DELETE', api(`assets/${assetId}/files/${mine}`))).statusCode).toBe(403);
      expect((await call(h.app, who, 'GET', api(`assets/${assetId}/files`))).statusCode).toBe(200);
      expect((await call(h.app, who, 'GET', api(`assets/${assetId}/files/${mine}`))).statusCode).toBe(200);
    }
    expect((await call(h.app, pmm, 'GET', api(`assets/${assetId}/files`))).json().canWrite).toBe(true);
  });

  it("shows readers without library.write only the files of published assets; writers see drafts' and archived ones'", async () => {
    for (const status of ['draft', 'archived'] as const) {
      const assetId = await newAsset(status);
      const fileId = (await upload(pmm, assetId, pdfOf(), `${status}.pdf`)).json().id as string;
      for (const who of [lead, rep]) {
        for (const p of [`assets/${assetId}/files`, `assets/${assetId}/files/${fileId}`, `assets/${assetId}/files/${fileId}/thumbnail`]) {
          const res = await call(h.app, who, 'GET', api(p));
          expect(res.statusCode, p).toBe(404);
          expect(res.json().code).toBe('LIBRARY_ASSET_NOT_FOUND');
        }
      }
      for (const who of [admin, pmm]) expect((await call(h.app, who, 'GET', api(`assets/${assetId}/files/${fileId}`))).statusCode).toBe(200);
    }
  });

  it("answers 404 to another workspace for every files route, and changes nothing", async () => {
    const assetId = await newAsset('published');
    const fileId = (await upload(pmm, assetId, pdfOf(), 'secret.pdf')).json().id as string;
    const rows = await rowCount();
    for (const [method, p] of [
      ['GET', `assets/${assetId}/files`],
      ['GET', `assets/${assetId}/files/${fileId}`],
      ['GET', `assets/${assetId}/files/${fileId}/thumbnail`],
      ['DELETE', `assets/${assetId}/files/${fileId}`],
    ] as const) {
      expect((await call(h.app, outsider, method, api(p))).statusCode, p).toBe(404);
      // Through the outsider's own workspace, A's ids name nothing.
      expect((await call(h.app, outsider, method, api(p, 'globex'))).statusCode, p).toBe(404);
    }
    expect((await upload(outsider, assetId, pdfOf(), 'x.pdf')).statusCode).toBe(404);
    expect((await upload(outsider, assetId, pdfOf(), 'x.pdf', 'globex')).statusCode).toBe(404);
    expect(await rowCount()).toBe(rows);
  });
});

describe('removing', () => {
  it('removes the row, the file and its thumbnail, audited', async () => {
    const assetId = await newAsset('published');
    const fileId = (await upload(pmm, assetId, pdfOf(), 'old.pdf')).json().id as string;
    const [row] = await q('select storage_key, thumbnail_key from asset_files where id = $1', [fileId]);
    const disk = await filesOnDisk();
    expect(disk).toContain(`files/${row!.storage_key}`);
    expect(disk).toContain(`files/${row!.thumbnail_key}`);
    expect((await call(h.app, pmm, 'DELETE', api(`assets/${assetId}/files/${fileId}`))).statusCode).toBe(204);
    expect(await q('select 1 from asset_files where id = $1', [fileId])).toHaveLength(0);
    const after = await filesOnDisk();
    expect(after).not.toContain(`files/${row!.storage_key}`);
    expect(after).not.toContain(`files/${row!.thumbnail_key}`);
    expect((await call(h.app, pmm, 'DELETE', api(`assets/${assetId}/files/${fileId}`))).statusCode).toBe(404);
    const audit = await q(`select details from audit_log where action = 'asset.file_removed' and target_id = $1`, [assetId]);
    expect(audit[0]!.details).toMatchObject({ fileId, fileName: 'old.pdf' });
  });
});

describe('for the public share page', () => {
  it('opens the files of published assets only', async () => {
    const published = await newAsset('published');
    const bytes = pdfOf('Shared');
    const fileId = (await upload(pmm, published, bytes, 'shared.pdf')).json().id as string;
    const opened = await openAssetFile(h.services.deps, wsA, published, fileId);
    expect(opened).toMatchObject({ mediaType: 'application/pdf', fileName: 'shared.pdf', sizeBytes: bytes.length, kind: 'pdf' });
    const chunks: Buffer[] = [];
    for await (const c of opened.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(bytes);
    expect((await listAssetFiles(h.services.deps, wsA, published)).map((f) => f.id)).toEqual([fileId]);

    const draft = await newAsset('draft');
    const draftFile = (await upload(pmm, draft, pdfOf(), 'draft.pdf')).json().id as string;
    await expect(openAssetFile(h.services.deps, wsA, draft, draftFile)).rejects.toMatchObject({ code: 'LIBRARY_ASSET_NOT_FOUND' });
    await expect(listAssetFiles(h.services.deps, wsA, draft)).rejects.toMatchObject({ code: 'LIBRARY_ASSET_NOT_FOUND' });
  });
});
