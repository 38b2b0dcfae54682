// Printing helpers for the benchmarks: figures, never assertions.
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export function heading(text: string): void {
  console.log(`\n${text}\n${'-'.repeat(Math.min(100, text.length))}`);
}

export function figure(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

export const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

/** Peak resident set size of this process (all threads), in MB. */
export const rssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

export async function time<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

/** Median of several runs of a synchronous query, in ms. */
export function median(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
