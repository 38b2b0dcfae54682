// Parse worker: reads, hashes, splits and encodes evidence files, with JSON records parsed and
// normalized by record-parse workers (record-parse-pool.ts), posting batches to the database thread,
// which only inserts. At most a few batches are in flight
// (the database side acknowledges each), so memory stays bounded when parsing outruns inserting.
import { parentPort } from 'node:worker_threads';
import { parseEvidenceFile } from './parse-file';
import type { ParseRequest, ParseWorkerMessage } from './parse-worker-protocol';
import { RecordParsePool } from './record-parse-pool';
import { SigninEncoder } from './signin-encoder';

const MAX_IN_FLIGHT = 4;
const port = parentPort!;
let encoder: SigninEncoder | undefined;
let pool: RecordParsePool | undefined;
let controller = new AbortController();
let inFlight = 0;
let wake: (() => void) | undefined;
const post = (m: ParseWorkerMessage) => port.postMessage(m);

port.on('message', (msg: ParseRequest) => {
  if (msg.type === 'seed') {
    encoder = new SigninEncoder(msg.seed);
    if (msg.recordParsers > 0) pool ??= new RecordParsePool(msg.recordParsers, msg.recordBatch);
  } else if (msg.type === 'ack') {
    inFlight--;
    wake?.();
  } else if (msg.type === 'cancel') controller.abort();
  else if (msg.type === 'parse') void parse(msg.file);
});

async function parse(file: Extract<ParseRequest, { type: 'parse' }>['file']): Promise<void> {
  controller = new AbortController();
  const result = await parseEvidenceFile(file, encoder!, {
    signal: controller.signal,
    deliver: async (batch) => {
      inFlight++;
      post({ type: 'batch', batch });
      while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    },
    progress: (bytesRead, records) => post({ type: 'progress', bytesRead, records }),
    recordPool: pool,
  });
  post({ type: 'done', result });
}
