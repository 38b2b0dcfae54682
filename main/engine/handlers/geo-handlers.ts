// Map channels: IP enrichment (a job), the analyst's IP databases, points, countries, travel, basemap.
import { AppError, messageOf } from '../../../shared/errors';
import { loadBasemap } from '../../geo/basemap';
import { enrichCase, enrichmentStatus } from '../../geo/enrich';
import { currentDatabases, databaseInfo, setDatabases } from '../../geo/geo-databases';
import { readIpGeo } from '../../geo/ip-geo-table';
import { loadGazetteer } from '../../geo/gazetteer';
import { geoCountries, geoPoints } from '../../geo/map-queries';
import { resolveIpGeo } from '../../geo/resolve-ip';
import { geoTravel } from '../../geo/travel';
import { buildSessions } from '../../sessions/build-sessions';
import { hasSessions } from '../../sessions/session-table';
import type { EngineContext, HandlerTable } from '../context';

export function geoHandlers(ctx: EngineContext): HandlerTable {
  const status = async () => ({ databases: await databaseInfo(), enrichment: enrichmentStatus(ctx.db) });

  const startEnrichment = () => {
    if (ctx.jobs.running('import')) throw new AppError('BUSY', 'an import is running: the IPs are enriched when it ends');
    if (ctx.jobs.running('geo-enrich') || ctx.jobs.running('sessions')) throw new AppError('BUSY', 'the IP enrichment or a sessions rebuild is already running');
    const db = ctx.db;
    return ctx.jobs.start('geo-enrich', async (signal) => {
      const summary = await enrichCase(db, signal);
      // sessions take the country and ASN of IP-only sign-ins from the enrichment
      if (hasSessions(db)) await buildSessions(db, signal);
      if (db === ctx.db) ctx.keeper.markDirty();
      return summary;
    });
  };

  return {
    'geo.status': () => status(),
    'geo.setDatabases': async (req) => {
      try {
        await setDatabases(req);
      } catch (e) {
        throw new AppError('INVALID_INPUT', messageOf(e));
      }
      const jobId = startEnrichment();
      return { status: await status(), jobId };
    },
    'geo.enrich': () => ({ jobId: startEnrichment() }),
    'geo.ip': async ({ ip }) => {
      const stored = readIpGeo(ctx.db, ip);
      if (stored) return stored;
      // not in this case (or not enriched yet): what the databases say on their own
      const dbs = await currentDatabases();
      return resolveIpGeo(ip, null, { gazetteer: loadGazetteer(), ...dbs });
    },
    'geo.points': (req) => geoPoints(ctx.db, req),
    'geo.countries': ({ filter }) => geoCountries(ctx.db, filter),
    'geo.travel': (req) => geoTravel(ctx.db, req),
    'geo.basemap': ({ resolution }) => loadBasemap(resolution),
  };
}
