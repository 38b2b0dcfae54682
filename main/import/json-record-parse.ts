// One JSON record's text to what the import does with it: JSON.parse (repairing trailing commas as
// printed in Microsoft's docs), the shape's normalizer, the triage filter's verdict and the encoder's
// preparation. Needs nothing of the case or the file, so records can be parsed on any thread
// (record-parse-pool.ts) and their outcomes applied in file order.
import { normalizeJsonRecord, type JsonShape } from './normalize/json-record';
import { RecordError } from './normalize/signin-record';
import { prepareSignin, type PreparedSignin } from './prepared-signin';
import type { SigninMatcher } from './triage/filter-match';

export type JsonRecordOutcome =
  | { kind: 'malformed'; error: string }
  | { kind: 'unreadable'; repaired: boolean; message: string }
  | { kind: 'skipped'; repaired: boolean; shape: JsonShape; category: string }
  /** `matches`: the triage filter's verdict (undefined without a filter). */
  | { kind: 'signin'; repaired: boolean; shape: JsonShape; signin: PreparedSignin; matches: boolean | undefined };

/** `pageContext`: the `@odata.context` of the Graph page the record came from, if any. */
export function parseJsonRecord(text: string, pageContext: string | null, matcher?: SigninMatcher): JsonRecordOutcome {
  const parsed = parseRecord(text);
  if ('error' in parsed) return { kind: 'malformed', error: parsed.error };
  const repaired = parsed.repaired;
  try {
    const result = normalizeJsonRecord(parsed.value, pageContext);
    if ('skipped' in result) return { kind: 'skipped', repaired, shape: result.shape, category: result.skipped };
    return { kind: 'signin', repaired, shape: result.shape, signin: prepareSignin(result.signin, () => text), matches: matcher?.(result.signin) };
  } catch (e) {
    return { kind: 'unreadable', repaired, message: e instanceof RecordError ? e.message : `cannot normalize: ${(e as Error).message}` };
  }
}

type Parsed = { value: unknown; repaired: boolean } | { error: string };

function parseRecord(text: string): Parsed {
  try {
    return { value: JSON.parse(text), repaired: false };
  } catch (e) {
    const repaired = withoutTrailingCommas(text);
    if (repaired !== text) {
      try {
        return { value: JSON.parse(repaired), repaired: true };
      } catch {
        // fall through to the original error
      }
    }
    return { error: (e as Error).message };
  }
}

/** Drops commas that directly precede `}` or `]` outside strings. */
export function withoutTrailingCommas(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') {
        out += text.slice(last, i);
        last = i + 1;
      }
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
