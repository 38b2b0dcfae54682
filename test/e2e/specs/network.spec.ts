// Offline by construction: every request the page made went to this server on 127.0.0.1.
import { e2e, screenshot } from '../context';
import { assert } from '../assert';
import { test } from '../fixtures';

test('network: the page made no request outside 127.0.0.1', async () => {
  const { page, requests } = e2e();
  await page.click('[data-testid=view-overview]');
  await page.waitForSelector('[data-testid=overview] .kpi-value');
  await page.waitForFunction(() => !document.querySelector('[data-testid=overview] .kpi-value')?.textContent?.includes('…'));
  await page.waitForTimeout(500);
  await screenshot(page, '11-overview');
  await page.click('[data-testid=view-signins]');
  assert(requests.length > 0, 'requests were recorded');
  const foreign = requests.filter((u) => {
    const url = new URL(u);
    // other specs start their own loopback servers in the same browser: any 127.0.0.1 port is ours
    return url.hostname !== '127.0.0.1' && url.protocol !== 'data:';
  });
  assert(foreign.length === 0, `requests outside 127.0.0.1: ${foreign.join(', ')}`);
});
