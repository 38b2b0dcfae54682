// The Map and Sessions views against the backend: the planted impossible travel shows as a red
// dashed leg, a country click filters the grid like the backend, sessions list and sort like the
// backend and "Show in grid" filters to the session; HTML in log fields stays text; the map makes
// no request beyond 127.0.0.1 (no tiles, no marker images).
import type { Page } from 'playwright-core';
import type { FilterSpec } from '../../../shared/model/filter-spec';
import { e2e, screenshot } from '../context';
import { assert, assertEqual } from '../assert';
import { test } from '../fixtures';
import { backendMatching, clearFilters, lastRequest, lastSnapshotFilter, openView, settle, shownCounts } from '../ui';

/** A point inside the country's shape where the shape itself (not a marker) receives the click. */
async function countryPoint(page: Page, iso2: string): Promise<{ x: number; y: number }> {
  const at = await page.evaluate((code) => {
    const path = document.querySelector(`path.map-country[data-iso2="${code}"]`);
    if (!path) return null;
    const box = path.getBoundingClientRect();
    for (let fy = 0.5; fy < 1; fy += 0.05) {
      for (const sy of [fy, 1 - fy]) {
        for (let fx = 0.5; fx < 1; fx += 0.05) {
          for (const sx of [fx, 1 - fx]) {
            const x = box.left + box.width * sx;
            const y = box.top + box.height * sy;
            if (document.elementFromPoint(x, y) === path) return { x, y };
          }
        }
      }
    }
    return null;
  }, iso2);
  if (!at) throw new Error(`no clickable point inside ${iso2}`);
  return at;
}

async function assertNoMarkupRan(page: Page, what: string): Promise<void> {
  const dom = await page.evaluate(() => ({ imgs: document.querySelectorAll('img').length, scripts: document.querySelectorAll('script').length }));
  assertEqual(dom.imgs, 0, `${what}: no <img> element was created`);
  assertEqual(dom.scripts, 1, `${what}: only the app bundle is a <script>`);
  assertEqual(e2e().dialogs.length, 0, `${what}: no dialog fired (${e2e().dialogs.join(', ')})`);
}

test('map: the planted impossible travel shows as a red dashed leg with distance and speed', async () => {
  const { page, backend } = e2e();
  const attack = e2e().groundTruth.attacks.find((a) => a.kind === 'impossible-travel');
  assert(attack, 'the ground truth has an impossible travel');
  const user = attack.victims[0]!;
  const expected = await backend.call('geo.travel', { filter: { conditions: [] }, user });
  const impossible = expected.legs.filter((l) => l.impossible);
  assert(impossible.length > 0, `the backend flags an impossible leg for ${user}`);

  await clearFilters(page);
  await openView(page, 'map');
  await page.waitForSelector('path.map-country');
  await page.waitForSelector('path.map-point');
  await page.fill('[data-testid=travel-user-search]', user.split('@')[0]!);
  await page.click(`[data-testid=travel-user-list] .up-row:has(.vp-value:text-is("${user}"))`);
  await page.waitForSelector('[data-testid=travel-leg].impossible');
  assertEqual(lastRequest<{ user: string }>('geo.travel').user, user, 'the travel of the picked user was asked for');
  assertEqual(await page.locator('[data-testid=travel-leg].impossible').count(), impossible.length, 'impossible legs in the side list');
  const first = impossible[0]!;
  const legText = (await page.locator('[data-testid=travel-leg].impossible').first().textContent()) ?? '';
  assert(legText.includes(`${Math.round(first.distanceKm).toLocaleString('en-US')} km`), `the leg shows its distance (${legText})`);
  assert(first.speedKmh === null || legText.includes(`${first.speedKmh.toLocaleString('en-US')} km/h`), `the leg shows its speed (${legText})`);

  const drawn = page.locator('path.travel-leg.impossible');
  assertEqual(await drawn.count(), impossible.length, 'impossible legs drawn on the map');
  const style = await drawn.first().evaluate((p) => ({ dash: p.getAttribute('stroke-dasharray'), stroke: p.getAttribute('stroke') }));
  assert(style.dash, 'the impossible leg is dashed');
  assertEqual(style.stroke, '#ff5b52', 'the impossible leg is red');
  assertEqual(await page.locator('path.travel-leg:not(.impossible)').count(), expected.legs.length - impossible.length, 'the other legs are drawn plain');
  await screenshot(page, '20-map-travel');

  await page.locator('[data-testid=travel-leg].impossible').first().click();
  await page.waitForTimeout(400);
  await screenshot(page, '20a-map-travel-leg');
  await page.click('[aria-label="Clear the travel path"]');
  await page.waitForSelector('path.travel-leg', { state: 'detached' });
});

test('map: clicking a country filters the grid exactly like the backend, and the map follows', async () => {
  const { page, backend } = e2e();
  await clearFilters(page);
  await openView(page, 'map');
  await page.click('[data-testid=map-world]');
  const countries = (await backend.call('geo.countries', { filter: { conditions: [] } })).countries;
  // The second busiest country: a real narrowing, and a shape on the map.
  const target = countries.find((c, i) => i > 0 && c.total > 0) ?? countries[0];
  assert(target, 'the case has located sign-ins');
  await page.waitForSelector(`path.map-country[data-iso2="${target.country}"]`);
  await page.waitForTimeout(300);
  await screenshot(page, '21-map');
  const at = await countryPoint(page, target.country);
  await page.mouse.move(at.x, at.y);
  await page.waitForSelector(`[data-testid=map-readout]:has-text("${target.country}")`);
  await page.mouse.click(at.x, at.y);
  await settle(page);

  const expectedFilter: FilterSpec = { conditions: [{ column: 'country', op: 'in', values: [target.country] }] };
  const expected = await backendMatching(expectedFilter);
  assert(expected > 0, `sign-ins from ${target.country}`);
  assertEqual((await shownCounts(page)).matching, expected, `sign-ins shown after clicking ${target.country}`);
  assertEqual(await backendMatching(lastSnapshotFilter()), expected, "the page's own filter");
  await page.waitForSelector(`[data-testid=chips] .chip-value:has-text("${target.country}")`);
  assertEqual(JSON.stringify(lastRequest<{ filter: FilterSpec }>('geo.points').filter.conditions), JSON.stringify(expectedFilter.conditions), 'the map re-queried its points with the filter');
  await page.waitForFunction((cc) => [...document.querySelectorAll('[data-testid=map-country-list] [data-country]')].map((b) => (b as HTMLElement).dataset.country).join() === cc, target.country);
  await screenshot(page, '22-map-country-filtered');

  await openView(page, 'signins');
  await page.waitForSelector('.grid-row:not(.loading)');
  assertEqual(await page.getAttribute('[data-testid=grid-body]', 'tabindex'), '0', 'the grid is shown');
  assertEqual((await shownCounts(page)).matching, expected, 'the grid keeps the country filter');
  await clearFilters(page);
});

test('map: location popups are DOM text, and no request leaves 127.0.0.1 (no tiles, no marker images)', async () => {
  const { page, requests } = e2e();
  await openView(page, 'map');
  const marker = page.locator('path.map-point').first();
  await marker.waitFor();
  const box = (await marker.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('[data-testid=map-popup]');
  const popupHtml = await page.locator('[data-testid=map-popup]').innerHTML();
  assert(/sign-ins/.test(popupHtml), 'the popup shows counts');
  await screenshot(page, '23-map-popup');
  await assertNoMarkupRan(page, 'map');

  const foreign = requests.filter((u) => {
    const url = new URL(u);
    // other specs start their own loopback servers in the same browser: any 127.0.0.1 port is ours
    return url.hostname !== '127.0.0.1' && url.protocol !== 'data:';
  });
  assertEqual(foreign.length, 0, `requests outside 127.0.0.1: ${foreign.join(', ')}`);
  const images = requests.filter((u) => /marker-icon|marker-shadow|layers(-2x)?\./.test(u));
  assertEqual(images.length, 0, `Leaflet images requested: ${images.join(', ')}`);
  await page.keyboard.press('Escape');
});

test('sessions: list and sort like the backend, flags filter, "Show in grid" filters to the session', async () => {
  const { page, backend } = e2e();
  await clearFilters(page);
  await openView(page, 'sessions');
  await page.waitForSelector('.session-row:not(.loading)');
  const all = await backend.call('sessions.list', { filter: { conditions: [] }, limit: 5 });
  await page.waitForSelector(`[data-testid=session-count]:has-text("${all.total.toLocaleString('en-US')} ")`);

  // Sort by rows, biggest first: the first rows are the backend's.
  await page.click('.session-list .gh-cell[data-column=rows]');
  const sort = lastRequest<{ sort: { column: string; dir: string } }>('sessions.list').sort;
  assertEqual(`${sort.column} ${sort.dir}`, 'rows desc', 'sorting by rows asks the backend for rows desc');
  const top = await backend.call('sessions.list', { filter: { conditions: [] }, sort: { column: 'rows', dir: 'desc' }, limit: 5 });
  await page.waitForFunction((first) => document.querySelector('.session-row[aria-rowindex="1"]')?.getAttribute('data-session') === String(first), top.rows[0]!.sessionNo);
  const shown = await page.$$eval('.session-row:not(.loading)', (rows) =>
    rows
      .map((r) => ({ i: Number(r.getAttribute('aria-rowindex')), no: r.getAttribute('data-session') }))
      .sort((a, b) => a.i - b.i)
      .slice(0, 5)
      .map((r) => r.no)
      .join(),
  );
  assertEqual(shown, top.rows.map((r) => String(r.sessionNo)).join(), 'first sessions by rows');
  assertEqual(await page.getAttribute('.session-list .gh-cell[data-column=rows]', 'aria-sort'), 'descending', 'aria-sort');
  await page.$eval('.session-list .grid-body', (body) => (body.scrollLeft = 0));
  await screenshot(page, '24-sessions');

  // Flag filter: device-code sessions (the demo's device-code phishing).
  await page.click('[data-testid=session-flags-button]');
  await page.check('.flag-picker input[data-flag=deviceCode]');
  await page.keyboard.press('Escape');
  const flagged = await backend.call('sessions.list', { filter: { conditions: [] }, flags: ['deviceCode'], limit: 5 });
  assert(flagged.total > 0, 'the demo has device-code sessions');
  await page.waitForSelector(`[data-testid=session-count]:has-text("${flagged.total.toLocaleString('en-US')} ")`);
  await page.waitForSelector('.session-row:not(.loading) [data-flag=deviceCode]');
  await page.click('.chip.static:has-text("Device code") .chip-x');

  // Open the biggest session, then show it in the grid.
  await page.waitForFunction((first) => document.querySelector('.session-row[aria-rowindex="1"]')?.getAttribute('data-session') === String(first), top.rows[0]!.sessionNo);
  await page.click('.session-row[aria-rowindex="1"]');
  await page.waitForSelector('[data-testid=session-rows] tbody tr');
  const session = await backend.call('sessions.get', { sessionNo: top.rows[0]!.sessionNo });
  assertEqual(await page.locator('[data-testid=session-rows] tbody tr:not(.ca-row)').count(), Math.min(50, session.rids.length), 'the session panel lists its sign-ins');
  await screenshot(page, '25-session-detail');

  await page.click('[data-testid=session-show-in-grid]');
  await page.waitForSelector('[data-testid=view-signins][aria-selected=true]');
  await settle(page);
  const byCorrelation: FilterSpec = { conditions: [{ column: 'correlation_id', op: 'in', values: [session.session.correlationId] }] };
  assertEqual((await shownCounts(page)).matching, await backendMatching(byCorrelation), 'the grid shows the session');
  assertEqual((await shownCounts(page)).matching, session.rids.length, "the grid shows exactly the session's sign-ins");
  assertEqual(JSON.stringify(lastSnapshotFilter().conditions), JSON.stringify(byCorrelation.conditions), 'the filter is the correlation id alone');
  assertEqual(JSON.stringify(lastRequest<{ filter: FilterSpec }>('timeline.histogram').filter.conditions), JSON.stringify(byCorrelation.conditions), 'the timeline follows');
  await screenshot(page, '26-session-in-grid');
  await clearFilters(page);
});

test('sessions and map: HTML in a display name stays text', async () => {
  const { page } = e2e();
  const { upn, value } = e2e().groundTruth.untrustedText.displayName;
  await clearFilters(page);
  await page.fill('[data-testid=search]', 'onerror');
  await page.press('[data-testid=search]', 'Enter');
  await settle(page);
  await openView(page, 'sessions');
  await page.click('.session-row[aria-rowindex="1"]');
  await page.waitForSelector('[data-testid=session-user]');
  await page.waitForFunction((v) => document.querySelector('[data-testid=session-user]')?.textContent?.includes(v), value);
  await screenshot(page, '27-session-untrusted-text');
  await assertNoMarkupRan(page, 'sessions');

  await openView(page, 'map');
  await page.fill('[data-testid=travel-user-search]', upn.split('@')[0]!);
  await page.click(`[data-testid=travel-user-list] .up-row:has(.vp-value:text-is("${upn}"))`);
  await page.waitForFunction((v) => document.querySelector('[data-testid=travel-user]')?.textContent?.includes(v), value);
  await assertNoMarkupRan(page, 'map travel');
  await page.click('[aria-label="Clear the travel path"]');
  await page.fill('[data-testid=search]', '');
  await page.press('[data-testid=search]', 'Enter');
  await openView(page, 'signins');
  await settle(page);
});
