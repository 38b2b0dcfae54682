// Regular-expression filters. sql.js has no REGEXP, so `signinscope_regexp(pattern, value)` is
// registered per database on first use. Patterns arrive from the renderer: they are length-capped,
// compiled once (an invalid one is refused with the engine's message), and shapes that backtrack
// exponentially (a quantified group that itself repeats, back-references) are refused before they run.
// Matching is case-insensitive, like the other text conditions.
import { MAX_REGEX_LENGTH } from '../../shared/model/filter-spec';
import type { SqlValue } from '../db/row-spec';
import type { CaseDb } from '../db/case-db';
import { invalidInput } from './errors';

export const REGEXP_FUNCTION = 'signinscope_regexp';

/** Longest text a pattern is run against (longer cells are tested on their first part). */
const MAX_SUBJECT = 4096;

const registered = new WeakSet<CaseDb>();
const compiled = new Map<string, RegExp>();

/** A group holding a quantifier, itself quantified: `(a+)+`, `(\w*x)*`, `(?:a|b+){2,}`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,?\d*\})/;
const BACK_REFERENCE = /\\[1-9]|\\k</;

/** The compiled pattern, or INVALID_INPUT naming what is wrong with it. */
export function checkedRegex(pattern: string): RegExp {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  if (pattern.length === 0) throw invalidInput('the regular expression is empty');
  if (pattern.length > MAX_REGEX_LENGTH) throw invalidInput(`the regular expression is longer than ${MAX_REGEX_LENGTH} characters`);
  if (NESTED_QUANTIFIER.test(pattern)) throw invalidInput(`the regular expression "${pattern.slice(0, 80)}" repeats a repeated group, which can take forever; simplify it`);
  if (BACK_REFERENCE.test(pattern)) throw invalidInput('back-references are not supported in regular expressions');
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'iu');
  } catch (e) {
    throw invalidInput(`invalid regular expression: ${(e as Error).message.slice(0, 160)}`);
  }
  if (compiled.size > 64) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/** Registers the SQL function on this database (once). */
export function ensureRegexp(caseDb: CaseDb): void {
  if (registered.has(caseDb)) return;
  caseDb.createFunction(REGEXP_FUNCTION, (pattern, value) => {
    if (value === null || value === undefined) return 0;
    const re = checkedRegex(String(pattern));
    const text = String(value);
    return re.test(text.length > MAX_SUBJECT ? text.slice(0, MAX_SUBJECT) : text) ? 1 : 0;
  });
  registered.add(caseDb);
}

/** `signinscope_regexp(?, expr)` for each pattern, OR-ed; patterns are checked here, before any SQL runs. */
export function regexSql(caseDb: CaseDb, expr: string, patterns: readonly (string | number)[], params: SqlValue[]): string {
  ensureRegexp(caseDb);
  const tests = patterns.map((p) => {
    checkedRegex(String(p));
    params.push(String(p));
    return `${REGEXP_FUNCTION}(?, ${expr})`;
  });
  return tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
}
