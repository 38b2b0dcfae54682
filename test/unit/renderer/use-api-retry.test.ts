// A chart request the engine dropped for a newer one (CANCELLED) is asked again while its asker
// still wants it (the newer one came from another window), and given up once the asker moved on.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/contract';
import { askWhileWanted } from '../../../renderer/actions/use-api';
import { connect } from '../../../renderer/api/client';

/** Answers the bridge gives, in order; every call the page made. */
let answers: Result<unknown>[] = [];
const calls: string[] = [];
const cancelled: Result<unknown> = { ok: false, error: { code: 'CANCELLED', message: 'timeline.histogram was replaced by a newer request before it ran' } };
const chart = { bucketMs: 60_000, from: 0, to: 60_000, series: [] };
const req = { filter: { conditions: [] }, buckets: 100 };

beforeAll(async () => {
  (globalThis as { window?: unknown }).window = {
    signinscope: {
      invoke: (channel: string) => {
        calls.push(channel);
        return Promise.resolve(answers.shift() ?? { ok: true, value: chart });
      },
      on: () => () => {},
    },
  };
  await connect();
});

const run = (queued: Result<unknown>[], wanted: () => boolean) => {
  answers = queued;
  calls.length = 0;
  return askWhileWanted('timeline.histogram', req, wanted);
};

describe('askWhileWanted', () => {
  it('asks again after CANCELLED while the answer is still wanted', async () => {
    await expect(run([cancelled, cancelled], () => true)).resolves.toEqual(chart);
    expect(calls).toHaveLength(3);
  });

  it('gives up on CANCELLED once the asker has moved on', async () => {
    await expect(run([cancelled], () => false)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(calls).toHaveLength(1);
  });

  it('passes other errors through without asking again, and stops after a few CANCELLED answers', async () => {
    await expect(run([{ ok: false, error: { code: 'TIMEOUT', message: 'slow' } }], () => true)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(calls).toHaveLength(1);
    await expect(run([cancelled, cancelled, cancelled, cancelled, cancelled], () => true)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(calls).toHaveLength(4);
  });
});
