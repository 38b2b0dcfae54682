/**
 * Benign activity of one user for one UTC day: a morning interactive sign-in
 * (sometimes with an MFA prompt, KMSI interrupt or a single typo), app opens,
 * and many more non-interactive token refreshes in local working hours, plus a
 * phone that refreshes mail and chat in the evening.
 */
import { APPS, RESOURCES, type AppDef } from '../data/apps';
import { UA } from '../data/user-agents';
import { MFA_NO_RESPONSE, MFA_OK, steps } from '../auth-steps';
import { freshIds, type AuthStep, type NetPoint, type SignInSpec } from '../spec';
import { homeNet, mobileNet, officeNet, sessionFor, type GenContext } from '../context';
import { HOUR_MS, MINUTE_MS } from '../time-format';
import type { Rng } from '../prng';
import type { Device, Office, User } from '../tenant';
import type { Category } from '../types';

interface Use {
  app: AppDef;
  resource: AppDef;
  client: 'Browser' | 'Mobile Apps and Desktop clients';
  ua: (d: Device) => string;
  w: number;
}

const browser = (d: Device): string => d.kind.ua;
const LAPTOP_NI: Use[] = [
  { app: APPS.teams, resource: RESOURCES.teamsServices, client: 'Mobile Apps and Desktop clients', ua: () => UA.teamsDesktop, w: 30 },
  { app: APPS.office, resource: RESOURCES.exchange, client: 'Mobile Apps and Desktop clients', ua: () => UA.officeDesktop, w: 22 },
  { app: APPS.oneDriveSync, resource: RESOURCES.sharePoint, client: 'Mobile Apps and Desktop clients', ua: () => UA.oneDrive, w: 14 },
  { app: APPS.edge, resource: RESOURCES.graph, client: 'Browser', ua: browser, w: 10 },
  { app: APPS.edgeNewTab, resource: RESOURCES.newsFeed, client: 'Browser', ua: browser, w: 6 },
  { app: APPS.windowsSignIn, resource: RESOURCES.aadGraph, client: 'Mobile Apps and Desktop clients', ua: () => UA.winSignIn, w: 8 },
  { app: APPS.officeHome, resource: RESOURCES.graph, client: 'Browser', ua: browser, w: 6 },
];
const ADMIN_NI: Use[] = [
  { app: APPS.azurePortal, resource: RESOURCES.arm, client: 'Browser', ua: browser, w: 10 },
  { app: APPS.azureCli, resource: RESOURCES.arm, client: 'Mobile Apps and Desktop clients', ua: () => UA.azureCli, w: 6 },
];
const PHONE_NI: Use[] = [
  { app: APPS.outlookMobile, resource: RESOURCES.exchange, client: 'Mobile Apps and Desktop clients', ua: (d) => (d.kind.os.startsWith('Ios') ? UA.outlookIos : UA.outlookAndroid), w: 60 },
  { app: APPS.teams, resource: RESOURCES.teamsServices, client: 'Mobile Apps and Desktop clients', ua: browser, w: 40 },
];
const INTERACTIVE: Use[] = [
  { app: APPS.officeHome, resource: RESOURCES.graph, client: 'Browser', ua: browser, w: 30 },
  { app: APPS.outlookWeb, resource: RESOURCES.exchange, client: 'Browser', ua: browser, w: 25 },
  { app: APPS.teams, resource: RESOURCES.teamsServices, client: 'Mobile Apps and Desktop clients', ua: () => UA.teamsDesktop, w: 20 },
  { app: APPS.sharePoint, resource: RESOURCES.sharePoint, client: 'Browser', ua: browser, w: 15 },
  { app: APPS.mySignIns, resource: RESOURCES.graph, client: 'Browser', ua: browser, w: 3 },
];
const ADMIN_INTERACTIVE: Use = { app: APPS.azurePortal, resource: RESOURCES.arm, client: 'Browser', ua: browser, w: 1 };

interface Place {
  net: NetPoint;
  tz: number;
}

export function userDay(ctx: GenContext, rng: Rng, user: User, day: number): SignInSpec[] {
  if (user.role === 'service') return [];
  if (user.trip && user.trip.day === day) return []; // on a plane: nothing at all
  const onTrip: Office | null = user.trip && day > user.trip.day ? user.trip.office : null;
  const tz = onTrip ? onTrip.city.tz : user.home.tz;
  const dayStart = ctx.start + day * 86_400_000;
  const out: SignInSpec[] = [];
  let morningDone = false;

  const make = (category: Category, ms: number, device: Device | null, use: Use, net: NetPoint, st: AuthStep[], errorCode: number, corr?: string): SignInSpec => {
    const ids = freshIds(rng, corr);
    const joined = device?.trustType.endsWith('joined') ?? false;
    return {
      category,
      ms: Math.floor(ms),
      sub: ids.sub,
      id: ids.id,
      correlationId: ids.correlationId,
      uniqueTokenIdentifier: ids.uniqueTokenIdentifier,
      sessionId: sessionFor(ctx, user, device, net.asn),
      user,
      workload: null,
      device: user.role === 'guest' ? null : device,
      ...(user.role === 'guest' && device ? { deviceOverride: { operatingSystem: device.kind.os, browser: device.kind.browser } } : {}),
      app: use.app,
      resource: use.resource,
      net,
      clientAppUsed: use.client,
      userAgent: device ? use.ua(device) : '',
      authenticationProtocol: 'none',
      incomingTokenType: category === 'nonInteractiveUser' ? (joined ? 'primaryRefreshToken' : 'refreshToken') : 'none',
      originalTransferMethod: 'none',
      errorCode,
      steps: st,
      risk: null,
      processingMs: ids.processingMs,
      ingestDelayMs: ids.ingestDelayMs,
    };
  };
  // Refreshes list only the satisfied MFA claim (as real non-interactive records do).
  const claims = (): AuthStep[] => (user.caExcluded ? [steps.firstByClaim()] : [steps.mfaByClaim()]);
  const browserClaims = (): AuthStep[] => (user.caExcluded ? [steps.firstByClaim()] : [steps.firstByClaim(), steps.mfaByClaim()]);

  /** An interactive browser/app sign-in; the first one of the day may prompt. */
  const interactive = (ms: number, place: Place, use: Use): void => {
    const d = user.laptop;
    if (user.caExcluded) {
      // kiosk: password only, no MFA
      out.push(make('interactiveUser', ms, d, use, place.net, [steps.passwordOk(-4000)], 0));
      return;
    }
    if (morningDone || rng.chance(0.55)) {
      out.push(make('interactiveUser', ms, d, use, place.net, browserClaims(), 0));
      morningDone = true;
      return;
    }
    morningDone = true;
    const corr = rng.guid();
    let t = ms;
    if (rng.chance(0.03)) {
      // a single typo, then the real flow
      out.push(make('interactiveUser', t, d, use, place.net, [steps.passwordBad()], 50126, corr));
      t += rng.int(15, 70) * 1000;
    }
    out.push(make('interactiveUser', t, d, use, place.net, [steps.passwordOk(-3000)], 50074, corr));
    t += rng.int(12, 50) * 1000;
    if (rng.chance(0.02)) {
      // ignored the push once, approved the retry
      out.push(make('interactiveUser', t, d, use, place.net, [steps.passwordOk(-40_000), steps.mfa(user.mfaMethod, MFA_NO_RESPONSE, -1000)], 500121, corr));
      t += rng.int(30, 90) * 1000;
    }
    const done = [steps.passwordOk(-40_000), steps.mfa(user.mfaMethod, MFA_OK, -2000)];
    if (rng.chance(0.25)) {
      out.push(make('interactiveUser', t, d, use, place.net, done, 50140, corr));
      t += rng.int(3, 12) * 1000;
    }
    out.push(make('interactiveUser', t, d, use, place.net, done, 0, corr));
  };

  const laptopPlace = (hourMs: number, weekday: number, working: boolean): Place => {
    if (onTrip) return { net: officeNet(onTrip, user, Math.floor(hourMs / HOUR_MS)), tz };
    if (working && user.office && (user.officeDays >> weekday) & 1) return { net: officeNet(user.office, user, Math.floor(hourMs / HOUR_MS)), tz };
    return { net: homeNet(user), tz };
  };

  for (let h = 0; h < 24; h++) {
    const hourMs = dayStart + h * HOUR_MS;
    const local = new Date(hourMs + tz * HOUR_MS);
    const weekday = (local.getUTCDay() + 6) % 7; // 0 = Monday
    const lh = local.getUTCHours() + local.getUTCMinutes() / 60;
    const workday = weekday < 5 || user.role === 'kiosk';
    const working = workday && lh + 1 > user.workStart && lh < user.workStart + user.workHours;
    const awake = lh >= 7 && lh < 23;
    const place = laptopPlace(hourMs, weekday, working);
    const at = (): number => hourMs + rng.next() * (HOUR_MS - 6 * MINUTE_MS);
    const guestScale = user.role === 'guest' ? 0.3 : 1;

    if (working) {
      if (user.role === 'kiosk') {
        if (rng.chance(0.5)) interactive(at(), place, INTERACTIVE[0]!);
        continue;
      }
      if (!morningDone)
        interactive(
          at(),
          place,
          rng.weighted(INTERACTIVE, (u) => u.w),
        );
      const opens = rng.poisson(0.25 * guestScale);
      for (let i = 0; i < opens; i++) {
        const admin = (user.role === 'admin' || user.role === 'dev') && rng.chance(0.4);
        interactive(at(), place, admin ? ADMIN_INTERACTIVE : rng.weighted(INTERACTIVE, (u) => u.w));
      }
      const pool = user.role === 'admin' || user.role === 'dev' ? [...LAPTOP_NI, ...ADMIN_NI] : LAPTOP_NI;
      const n = rng.poisson(2.4 * guestScale);
      for (let i = 0; i < n; i++) {
        const use = rng.weighted(pool, (u) => u.w);
        if (use.app === APPS.windowsSignIn && !user.laptop.kind.os.startsWith('Windows')) continue;
        const fail = rng.chance(0.004) ? 70043 : 0;
        out.push(make('nonInteractiveUser', at(), user.laptop, use, place.net, claims(), fail));
      }
    } else if (!workday && awake && rng.chance(0.06 * guestScale)) {
      out.push(
        make(
          'nonInteractiveUser',
          at(),
          user.laptop,
          rng.weighted(LAPTOP_NI, (u) => u.w),
          place.net,
          claims(),
          0,
        ),
      );
    }
    if (user.phone && awake) {
      const n = rng.poisson((working ? 0.45 : 0.3) * guestScale);
      for (let i = 0; i < n; i++) {
        const net = onTrip || (working && place.net.asn !== user.homeIsp.asn && rng.chance(0.5)) ? place.net : !working && rng.chance(0.5) ? homeNet(user) : mobileNet(rng, user);
        out.push(
          make(
            'nonInteractiveUser',
            at(),
            user.phone,
            rng.weighted(PHONE_NI, (u) => u.w),
            net,
            claims(),
            0,
          ),
        );
      }
    }
  }
  return out;
}
