// Files dropped on the page in browser mode: copied byte for byte into the output folder, hashed as
// received, read-only, never replacing anything, refused when the bytes do not match what was announced.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DroppedFiles, safeName } from '../../main/api/dropped-files';
import { tempDir } from '../helpers/temp-files';

const out = tempDir();

async function drop(store: DroppedFiles, name: string, bytes: Buffer, chunk = 7) {
  const { id } = await store.begin({ name, size: bytes.length });
  for (let at = 0; at < bytes.length; at += chunk) await store.chunk({ id, offset: at, data: bytes.subarray(at, at + chunk).toString('base64') });
  return store.finish({ id });
}

describe('dropped files', () => {
  const store = new DroppedFiles(out.dir);

  it('writes a read-only copy with the original name, the hash of the bytes received and a received.json', async () => {
    const bytes = Buffer.from(`${JSON.stringify({ value: [{ id: 'x' }] })}\n\u00e9`);
    const copy = await drop(store, 'signins.json', bytes);
    expect(readFileSync(copy.path).equals(bytes)).toBe(true);
    expect(copy.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(path.basename(copy.path)).toBe('signins.json');
    expect(statSync(copy.path).mode & 0o222).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(path.dirname(copy.path), 'received.json'), 'utf8'));
    expect(manifest.files).toEqual([expect.objectContaining({ name: 'signins.json', originalName: 'signins.json', bytes: bytes.length, sha256: copy.sha256 })]);
    expect(manifest.note).toMatch(/copies/i);
  });

  it('never replaces an earlier copy of the same name, and leaves no partial file behind', async () => {
    const first = await drop(store, 'signins.json', Buffer.from('second drop'));
    expect(path.basename(first.path)).toBe('signins (2).json');
    expect(readdirSync(path.dirname(first.path)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses chunks out of order, more bytes than announced, and a short file', async () => {
    const a = await store.begin({ name: 'a.json', size: 4 });
    await expect(store.chunk({ id: a.id, offset: 2, data: Buffer.from('ab').toString('base64') })).rejects.toThrow(/expected 0/);
    await expect(store.chunk({ id: a.id, offset: 0, data: Buffer.from('abcdef').toString('base64') })).rejects.toThrow(/more bytes than announced/);
    const b = await store.begin({ name: 'b.json', size: 4 });
    await store.chunk({ id: b.id, offset: 0, data: Buffer.from('ab').toString('base64') });
    await expect(store.finish({ id: b.id })).rejects.toThrow(/received 2 of 4 bytes/);
    const dir = path.dirname((await drop(store, 'c.json', Buffer.from('c'))).path);
    expect(readdirSync(dir).sort()).toEqual(['c.json', 'received.json', 'signins (2).json', 'signins.json']);
  });

  it('keeps only a safe file name', () => {
    expect(safeName('../../etc/passwd')).toBe('passwd');
    expect(safeName('C:\\evidence\\x.json')).toBe('x.json');
    expect(safeName('.bashrc')).toBe('bashrc');
    expect(safeName('a\u001b[2Jb.json')).toBe('a_[2Jb.json');
    expect(safeName('received.json')).toBe('dropped-file');
    expect(safeName('///')).toBe('dropped-file');
  });

  it('exists only where there is an output folder', async () => {
    await expect(new DroppedFiles(null).begin({ name: 'x', size: 1 })).rejects.toThrow(/only in browser mode/);
  });
});
