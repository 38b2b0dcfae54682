// The engine worker answers one call at a time (sql.js is single-threaded and cannot be interrupted),
// so the order in which queued calls start decides what the user waits for. Calls that fill the
// screen's main answer (the grid's count and rows, a record, every write) start first, in arrival
// order; background reads (charts, facet and overview counts) start when none of those is waiting.
// A queued chart request that a newer one for the same chart replaces is dropped unanswered by SQL:
// only one chart of each kind is on screen, and it has moved on to the newer filter (a dropped request
// another window still wants is asked again: askWhileWanted in renderer/actions/use-api.ts).
// Reordering only ever lets a read run later than it arrived, never earlier than an older write: a
// background read may see a newer case than when it was asked, never an older one.

export interface QueuedCall {
  id: number;
  channel: string;
  req: unknown;
}

/** Read-only channels that may wait for interactive calls queued after them. */
const BACKGROUND = new Set(['timeline.histogram', 'timeline.swimlanes', 'query.facets', 'stats.overview', 'stats.top']);

/**
 * Background channels with a single asker on screen (the timeline's histogram or lanes): a newer
 * request with the same parameters apart from the filter supersedes a queued older one.
 */
const ONE_ASKER = new Set(['timeline.histogram', 'timeline.swimlanes']);

export class CallQueue {
  private readonly interactive: QueuedCall[] = [];
  private background: QueuedCall[] = [];

  /** Queues a call; returns the queued calls it supersedes, removed from the queue, for the caller to answer as cancelled. */
  push(call: QueuedCall): QueuedCall[] {
    if (!BACKGROUND.has(call.channel)) {
      this.interactive.push(call);
      return [];
    }
    let superseded: QueuedCall[] = [];
    if (ONE_ASKER.has(call.channel)) {
      const slot = slotOf(call);
      superseded = this.background.filter((c) => c.channel === call.channel && slotOf(c) === slot);
      if (superseded.length) this.background = this.background.filter((c) => !superseded.includes(c));
    }
    this.background.push(call);
    return superseded;
  }

  /** The call to start next: the oldest interactive one, else the oldest background one. */
  next(): QueuedCall | undefined {
    return this.interactive.shift() ?? this.background.shift();
  }
}

/**
 * Starts queued calls one per turn of the event loop: calls that arrived while the last one ran are
 * all queued by then, so the queue can put the one the user waits for first. `start` runs a call (an
 * async handler's later steps interleave with the calls started after it, as they always have);
 * `drop` answers a superseded one.
 */
export class CallScheduler {
  private readonly queue = new CallQueue();
  private draining = false;

  constructor(
    private readonly start: (call: QueuedCall) => void,
    private readonly drop: (call: QueuedCall) => void,
  ) {}

  add(call: QueuedCall): void {
    for (const dropped of this.queue.push(call)) this.drop(dropped);
    if (this.draining) return;
    this.draining = true;
    setImmediate(this.drain);
  }

  private readonly drain = (): void => {
    const next = this.queue.next();
    if (!next) return void (this.draining = false);
    this.start(next);
    setImmediate(this.drain);
  };
}

/** A chart request's parameters apart from its filter (bucket count, lanes). */
function slotOf(call: QueuedCall): string {
  const { filter: _filter, ...rest } = (call.req ?? {}) as Record<string, unknown>;
  return JSON.stringify(rest); // parsed against the contract: the same keys in the same order
}
