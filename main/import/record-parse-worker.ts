// A record-parse worker: decodes, parses, normalizes and prepares the JSON records the reader batches
// to it (record-parse-pool.ts), returning their outcomes in the order they came, short dictionary text
// numbered (string-refs.ts).
import { parentPort } from 'node:worker_threads';
import { parseJsonRecord, type JsonRecordOutcome } from './json-record-parse';
import { withStringRefs } from './prepared-signin';
import type { RecordParseReply, RecordParseRequest } from './record-parse-protocol';
import { StringRefWriter } from './string-refs';
import { matcherOf, type SigninMatcher } from './triage/filter-match';

const port = parentPort!;
let matcher: { key: string; match: SigninMatcher } | undefined;
const refs = new StringRefWriter();

port.on('message', (msg: RecordParseRequest) => {
  try {
    const match = matcherFor(msg.filter);
    const bytes = Buffer.from(msg.buffer);
    const outcomes: JsonRecordOutcome[] = []; // packed: cloned as one block
    let start = 0;
    for (const end of msg.ends) {
      const outcome = parseJsonRecord(bytes.toString('utf8', start, end), msg.pageContext, match);
      if (outcome.kind === 'signin') withStringRefs(outcome.signin, refs);
      outcomes.push(outcome);
      start = end;
    }
    port.postMessage({ id: msg.id, outcomes, strings: refs.takeFresh() } satisfies RecordParseReply);
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
