// Engine worker entry: owns the Engine (and so sql.js) off the main thread.
import { parentPort } from 'node:worker_threads';
import { errorOf, messageOf } from '../../shared/errors';
import { restoreCase } from '../cases/restore';
import { Engine, type EngineChannel } from './engine';
import { CallScheduler, type QueuedCall } from './call-queue';
import type { FromWorker, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('engine worker must run in a worker thread');
const post = (m: FromWorker) => port.postMessage(m);

void Engine.create((event, payload) => post({ type: 'event', event, payload })).then((engine) => {
  let lastLocation = '';
  /** Tells the host where the open case lives whenever that changes (for a restart after a timeout). */
  const postLocation = () => {
    const location = engine.keeper.location();
    const text = JSON.stringify(location);
    if (text !== lastLocation) post({ type: 'location', location });
    lastLocation = text;
  };
  const run = (msg: QueuedCall) => {
    const started = performance.now();
    engine.handle(msg.channel as EngineChannel, msg.req as never).then(
      (value) => {
        postLocation();
        post({ type: 'result', id: msg.id, ok: true, value, ranMs: performance.now() - started });
      },
      (e: unknown) => {
        const { code, message } = errorOf(e);
        const stack = code === 'INTERNAL' && e instanceof Error && e.stack ? { stack: e.stack } : {};
        post({ type: 'result', id: msg.id, ok: false, code, message, ...stack, ranMs: performance.now() - started });
      },
    );
  };
  const calls = new CallScheduler(run, (dropped) =>
    post({ type: 'result', id: dropped.id, ok: false, code: 'CANCELLED', message: `${dropped.channel} was replaced by a newer request before it ran`, ranMs: 0 }),
  );
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'ping') return post({ type: 'pong' });
    if (msg.type === 'restore') {
      return void restoreCase(engine.keeper, msg.location).then(
        () => {
          // No case.changed: the page would re-run the query that just ran out of time, again and again.
          postLocation();
          post({ type: 'restored', ok: true, message: null });
        },
        (e: unknown) => post({ type: 'restored', ok: false, message: messageOf(e) }),
      );
    }
    calls.add(msg);
  });
  postLocation();
  post({ type: 'ready' });
});
