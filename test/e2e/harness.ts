// A tiny sequential test runner (named tests, pass/fail/skip, final summary line) and helpers.
export class Skip extends Error {}

type TestFn = () => Promise<void>;
const tests: Array<{ name: string; fn: TestFn }> = [];

export function test(name: string, fn: TestFn): void {
  tests.push({ name, fn });
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export async function runAll(only?: string): Promise<{ passed: number; failed: number; skipped: number }> {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const t of tests) {
    if (only && !only.split('|').some((part) => t.name.includes(part))) continue; // 'a|b' runs both
    const started = Date.now();
    try {
      await t.fn();
      counts.passed++;
      console.log(`  ✓ ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      if (err instanceof Skip) {
        counts.skipped++;
        console.log(`  - ${t.name}: SKIPPED: ${err.message}`);
      } else {
        counts.failed++;
        console.log(`  ✗ ${t.name}\n      ${(err as Error).stack?.split('\n').slice(0, 4).join('\n      ')}`);
      }
    }
  }
  return counts;
}
