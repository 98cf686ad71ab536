import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileMissingError, localFileStore } from './file-store.ts';

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-store-test-'));
});
afterAll(async () => fs.rm(root, { recursive: true, force: true }));

const text = async (stream: AsyncIterable<Buffer>) => {
  let s = '';
  for await (const chunk of stream) s += chunk.toString();
  return s;
};

describe('local file store', () => {
  it('puts, opens and deletes by key, under its root', async () => {
    const store = localFileStore(root);
    expect(await store.put('uploads/a.upload', Readable.from([Buffer.from('hello '), Buffer.from('world')]))).toEqual({ size: 11 });
    expect(await fs.readFile(path.join(root, 'uploads', 'a.upload'), 'utf8')).toBe('hello world');
    expect(await text(store.open('uploads/a.upload'))).toBe('hello world');
    await store.delete('uploads/a.upload');
    await store.delete('uploads/a.upload'); // gone already: fine
    await expect(text(store.open('uploads/a.upload'))).rejects.toBeInstanceOf(FileMissingError);
  });

  it('leaves nothing under the key when the stream fails', async () => {
    const store = localFileStore(root);
    const failing = (async function* () {
      yield Buffer.from('part');
      throw new Error('client went away');
    })();
    await expect(store.put('uploads/b.upload', failing)).rejects.toThrow('client went away');
    expect(await fs.readdir(path.join(root, 'uploads'))).not.toContain('b.upload');
    expect((await fs.readdir(path.join(root, 'uploads'))).filter((f) => f.startsWith('b.upload'))).toEqual([]);
  });

  it('refuses keys that leave its root, and still reads an absolute path recorded before keys', async () => {
    const store = localFileStore(path.join(root, 'store'));
    for (const key of ['../escape', 'uploads/../../x', '', 'a//b', './a']) expect(() => store.open(key)).toThrow(/not a file-store key/);
    const legacy = path.join(root, 'legacy.upload');
    await fs.writeFile(legacy, 'old row');
    expect(await text(store.open(legacy))).toBe('old row');
  });
});
