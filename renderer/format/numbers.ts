const intFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return intFormat.format(Math.round(n));
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '–';
  const p = (part / whole) * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  return `${p < 10 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}

/** Seconds left from bytes done/total and the current rate, as `m:ss` or `h:mm:ss`. */
export function formatEta(bytesDone: number, bytesTotal: number, bytesPerSecond: number): string {
  if (bytesPerSecond <= 0 || bytesTotal <= bytesDone) return '–';
  const s = Math.ceil((bytesTotal - bytesDone) / bytesPerSecond);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
