// Grid, facets, details, timeline and overview channels: thin wrappers over main/query/.
import { aggregate } from '../../query/aggregate';
import { facets, filterShares } from '../../query/facets';
import { FindCache, findPositions, stepMatch } from '../../query/find';
import { groups } from '../../query/groups';
import { overview } from '../../query/overview';
import { scopeOf } from '../../query/pivot';
import { getRecord } from '../../query/record';
import { SnapshotStore } from '../../query/snapshot';
import { histogram, swimlanes } from '../../query/timeline';
import type { EngineContext, HandlerTable } from '../context';

export function queryHandlers(ctx: EngineContext): HandlerTable {
  let snapshots = new SnapshotStore();
  const finds = new FindCache();
  ctx.onCaseChanged(() => {
    snapshots = new SnapshotStore();
    finds.clear();
  });
  return {
    'query.snapshot': ({ filter, sort }) => snapshots.create(ctx.db, filter, sort),
    'query.page': ({ snapshotId, from, count, columns }) => snapshots.page(ctx.db, snapshotId, from, count, columns),
    'query.find': ({ snapshotId, text, columns, from, dir }) => {
      const rids = snapshots.rids(ctx.db, snapshotId);
      const key = JSON.stringify([snapshotId, text, [...columns].sort()]);
      return stepMatch(
        finds.positions(key, () => findPositions(ctx.db, rids, text, columns)),
        from,
        dir,
      );
    },
    'query.facets': (req) => facets(ctx.db, req),
    'record.get': ({ rid }) => getRecord(ctx.db, rid),
    'timeline.histogram': (req) => histogram(ctx.db, req),
    'timeline.swimlanes': (req) => swimlanes(ctx.db, req),
    'stats.overview': (req) => overview(ctx.db, req),
    'query.aggregate': (req) => aggregate(ctx.db, req),
    'query.scope': ({ filter }) => scopeOf(ctx.db, filter),
    'stats.top': (req) => filterShares(ctx.db, req),
    'query.groups': (req) => groups(ctx.db, req),
  };
}
