import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryLog } from '../../../main/platform/query-log';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'signinscope-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('query log', () => {
  it('writes one line per call and job with duration and outcome, and error stacks', async () => {
    const log = new QueryLog(tempDir());
    log.timing('call', 'query.page', 3.25, 'ok');
    log.timing('job', 'import', 1200, 'done');
    log.timing('call', 'query.snapshot', 600, 'ok', 47.04);
    log.error('query.page', new Error('boom\nsecond line'));
    await log.flush();
    const lines = readFileSync(log.file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT.*\tcall\tquery\.page\t3\.3 ms\tok$/);
    expect(lines[1]).toMatch(/\tjob\timport\t1200\.0 ms\tdone$/);
    // a call that reached the engine: its own time and the time it waited behind other requests
    expect(lines[2]).toMatch(/\tcall\tquery\.snapshot\t600\.0 ms\tok\tengine 47\.0 ms, queued 553\.0 ms$/);
    expect(lines[3]).toContain('\terror\tquery.page\tError: boom');
    // a stack's further lines are indented, so every record starts with a timestamp
    expect(lines.slice(4).every((l) => l.startsWith('\t'))).toBe(true);
  });

  it('keeps channel names on one line, so a crafted name cannot forge log records', async () => {
    const log = new QueryLog(tempDir());
    log.timing('call', 'x\n2020-01-01T00:00:00Z\tcall\tforged', 1, 'ok');
    await log.flush();
    expect(readFileSync(log.file, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });

  it('rotates at its size limit and keeps only the given number of old files', async () => {
    const dir = tempDir();
    const log = new QueryLog(dir, { maxBytes: 400, keep: 2 });
    for (let i = 0; i < 60; i++) {
      log.timing('call', `channel-${i}`, i, 'ok');
      await log.flush();
    }
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['signinscope.1.log', 'signinscope.2.log', 'signinscope.log']);
    for (const f of files) expect(readFileSync(path.join(dir, f)).length).toBeLessThanOrEqual(400);
    expect(readFileSync(log.file, 'utf8')).toContain('channel-59');
    // the newest rotated file holds the lines just before the current file's
    const newestOld = readFileSync(path.join(dir, 'signinscope.1.log'), 'utf8').trimEnd().split('\n');
    const current = readFileSync(log.file, 'utf8').split('\n')[0]!;
    const lastOld = Number(/channel-(\d+)/.exec(newestOld.at(-1)!)![1]);
    expect(Number(/channel-(\d+)/.exec(current)![1])).toBe(lastOld + 1);
  });
});
