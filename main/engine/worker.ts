// Engine worker entry: owns the Engine (and so sql.js) off the main thread.
import { parentPort } from 'node:worker_threads';
import { ApiFailure } from '../api/api-failure';
import { Engine, type EngineChannel } from './engine';
import type { FromWorker, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('engine worker must run in a worker thread');
const post = (m: FromWorker) => port.postMessage(m);

void Engine.create((event, payload) => post({ type: 'event', event, payload })).then((engine) => {
  port.on('message', (msg: ToWorker) => {
    engine.handle(msg.channel as EngineChannel, msg.req as never).then(
      (value) => post({ type: 'result', id: msg.id, ok: true, value }),
      (e: unknown) => {
        const code = e instanceof ApiFailure ? e.code : 'INTERNAL';
        post({ type: 'result', id: msg.id, ok: false, code, message: (e as Error)?.message ?? String(e) });
      },
    );
  });
  post({ type: 'ready' });
});
