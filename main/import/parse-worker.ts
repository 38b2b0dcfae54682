// Parse worker: reads, splits, parses, normalizes and encodes evidence files on the second core,
// posting batches to the database thread, which only inserts. At most a few batches are in flight
// (the database side acknowledges each), so memory stays bounded when parsing outruns inserting.
import { parentPort } from 'node:worker_threads';
import { parseEvidenceFile } from './parse-file';
import type { ParseRequest, ParseWorkerMessage } from './parse-worker-protocol';
import { SigninEncoder } from './signin-encoder';

const MAX_IN_FLIGHT = 4;
const port = parentPort!;
let encoder: SigninEncoder | undefined;
let controller = new AbortController();
let inFlight = 0;
let wake: (() => void) | undefined;
const post = (m: ParseWorkerMessage) => port.postMessage(m);

port.on('message', (msg: ParseRequest) => {
  if (msg.type === 'seed') encoder = new SigninEncoder(msg.seed);
  else if (msg.type === 'ack') {
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
  });
  post({ type: 'done', result });
}
