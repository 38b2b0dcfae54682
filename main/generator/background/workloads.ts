/**
 * Service principal and managed identity token requests: around the clock at a
 * steady cadence, from Azure addresses (SP) or with no client address (MSI).
 */
import { isp, randomIp } from '../data/networks';
import { city } from '../data/cities';
import { freshIds, type SignInSpec } from '../spec';
import { MINUTE_MS } from '../time-format';
import type { GenContext } from '../context';
import type { Rng } from '../prng';
import type { Workload } from '../tenant';

const AZURE = isp('azure');

export function workloadDay(ctx: GenContext, rng: Rng, w: Workload, day: number): SignInSpec[] {
  const out: SignInSpec[] = [];
  const dayStart = ctx.start + day * 86_400_000;
  const end = dayStart + 86_400_000 - 5 * MINUTE_MS;
  let t = dayStart + rng.next() * w.everyMinutes * MINUTE_MS;
  while (t < end) {
    const ids = freshIds(rng);
    // The HR connector's secret is about to expire: a few retries fail.
    const errorCode = w.name.startsWith('HR-') && rng.chance(0.08) ? 7000215 : 0;
    const sp = w.kind === 'servicePrincipal';
    out.push({
      category: w.kind,
      ms: Math.floor(t),
      sub: ids.sub,
      id: ids.id,
      correlationId: ids.correlationId,
      uniqueTokenIdentifier: ids.uniqueTokenIdentifier,
      sessionId: '',
      user: null,
      workload: w,
      device: null,
      app: { id: w.appId, name: w.name },
      resource: w.resource,
      net: sp ? { ip: randomIp(rng, AZURE), asn: AZURE.asn, city: city('ashburn') } : { ip: '', asn: 0, city: null },
      clientAppUsed: '',
      userAgent: '',
      authenticationProtocol: 'none',
      incomingTokenType: 'none',
      originalTransferMethod: 'none',
      errorCode,
      steps: [],
      risk: null,
      processingMs: rng.int(5, 120),
      ingestDelayMs: ids.ingestDelayMs,
    });
    t += w.everyMinutes * MINUTE_MS * (0.6 + rng.next() * 0.8);
  }
  return out;
}
