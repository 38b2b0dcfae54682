// Wording shared by finding titles: spans, plurals, sources.
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A duration as an analyst reads it: "40 min", "3 h 5 min", "2.5 days". */
export function span(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (min < 60) return `${min} min`;
  if (min < 48 * 60) {
    const h = Math.floor(min / 60);
    const m = min % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  return `${Math.round((min / 1440) * 10) / 10} days`;
}

/** "a@x, b@x and 3 more". */
export function listSome(values: readonly string[], shown = 3): string {
  if (values.length <= shown) return values.join(', ');
  return `${values.slice(0, shown).join(', ')} and ${values.length - shown} more`;
}

export function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** ", then 1 success" / ", then 2 correct passwords (stopped by MFA/CA)" / "". */
export function outcomeText(passwordValid: number, succeeded: number): string {
  if (succeeded) return `, then ${plural(succeeded, 'success', 'successes')}`;
  if (passwordValid) return `, then ${plural(passwordValid, 'correct password')} (stopped by MFA/CA)`;
  return '';
}
