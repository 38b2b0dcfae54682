// What the analyst hears when an import ends: cancelled, failed, or what it read.
import type { ImportSummary } from '../../shared/model/import-summary';
import { formatCount } from '../format/numbers';
import type { JobDone } from '../store/job-slice';
import { useStore } from '../store/store';

export function announceImport(done: JobDone): void {
  const s = useStore.getState();
  if (done.cancelled) s.notify('info', 'Import cancelled. Records read before the cancel are kept.');
  else if (!done.ok) s.notify('error', `Import failed: ${done.error ?? 'unknown error'}`);
  else s.notify('info', describeImport(done.kind === 'import' ? done.summary : null));
}

function describeImport(summary: ImportSummary | null): string {
  if (!summary?.files) return 'Import finished.';
  const sum = (key: 'records' | 'duplicates' | 'errors') => summary.files.reduce((a, f) => a + f[key], 0);
  const skipped = new Map<string, number>();
  for (const f of summary.files) for (const [category, n] of Object.entries(f.skipped ?? {})) skipped.set(category, (skipped.get(category) ?? 0) + n);
  const notSignins = skipped.size ? ` Not sign-ins, skipped: ${[...skipped].map(([category, n]) => `${formatCount(n)} ${category}`).join(', ')}.` : '';
  return `Import finished in ${summary.seconds.toFixed(1)} s: ${summary.files.length} file(s), ${formatCount(sum('records'))} records, ${formatCount(sum('duplicates'))} duplicates, ${formatCount(sum('errors'))} errors.${notSignins} The case holds ${formatCount(summary.signins)} sign-ins.`;
}
