// A record-parse worker: decodes, parses, normalizes and prepares the JSON records the reader batches
// to it (record-parse-pool.ts), returning their outcomes in the order they came.
import { parentPort } from 'node:worker_threads';
import { parseJsonRecord, type JsonRecordOutcome } from './json-record-parse';
import type { RecordParseReply, RecordParseRequest } from './record-parse-protocol';
import { matcherOf, type SigninMatcher } from './triage/filter-match';

const port = parentPort!;
let matcher: { key: string; match: SigninMatcher } | undefined;

port.on('message', (msg: RecordParseRequest) => {
  try {
    const match = matcherFor(msg.filter);
    const bytes = Buffer.from(msg.buffer);
    const outcomes: JsonRecordOutcome[] = new Array(msg.ends.length);
    let start = 0;
    for (let i = 0; i < msg.ends.length; i++) {
      const end = msg.ends[i]!;
      outcomes[i] = parseJsonRecord(bytes.toString('utf8', start, end), msg.pageContext, match);
      start = end;
    }
    port.postMessage({ id: msg.id, outcomes } satisfies RecordParseReply);
  } catch (e) {
    port.postMessage({ id: msg.id, error: (e as Error).message ?? String(e) } satisfies RecordParseReply);
  }
});

function matcherFor(filter: RecordParseRequest['filter']): SigninMatcher | undefined {
  if (!filter) return undefined;
  const key = JSON.stringify(filter);
  if (matcher?.key !== key) matcher = { key, match: matcherOf(filter) };
  return matcher.match;
}
