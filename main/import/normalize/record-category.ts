// Which log a record belongs to, and whether that log is a sign-in log. Diagnostic exports mix
// categories in one stream (AuditLogs, UserRiskEvents, RiskyUsers... beside SignInLogs), so every
// record is asked before it may become a sign-in: what its category says wins; only where nothing
// names one do its fields have to prove it (a sign-in id, a sign-in time and a user, app or service
// principal). An unknown category is never guessed into a sign-in. The sign-in log names are those of
// sign-in-type.ts (ADFSSignInLogs included); docs/schema.md cites them.
import { parseTimestamp } from '../../../shared/util/time';
import { isSignInCategory } from './sign-in-type';
import { str } from './values';

/** A sign-in, or not one, with the category to report it under. */
export type RecordVerdict = { signIn: true } | { signIn: false; category: string };

export const SIGN_IN: RecordVerdict = { signIn: true };

/** Graph entity sets and types of sign-ins (`auditLogs/signIns`, `#microsoft.graph.signIn`). */
const SIGN_IN_ENTITIES = new Set(['signins', 'signin']);

const MAX_NAME = 60;

/** Verdict of a category/table name, or undefined where the record names none. */
export function verdictOfCategory(category: unknown): RecordVerdict | undefined {
  const name = str(category);
  if (name === null) return undefined;
  return isSignInCategory(name) ? SIGN_IN : { signIn: false, category: cleanName(name) };
}

/**
 * Verdict of a Graph `@odata.context` ("…/$metadata#auditLogs/directoryAudits") or `@odata.type`
 * ("#microsoft.graph.signIn"): the entity set or type named after the last `#`.
 */
export function verdictOfGraphContext(context: unknown): RecordVerdict | undefined {
  const text = str(context);
  if (text === null) return undefined;
  const hash = text.lastIndexOf('#');
  let name = hash >= 0 ? text.slice(hash + 1) : text;
  name = name.replace(/\/\$entity$/i, '');
  const collection = /^Collection\((.*)\)$/i.exec(name);
  if (collection) name = collection[1]!;
  name = name.replace(/\([^)]*\)/g, ''); // $select lists, keys
  const last = name.split(/[/.]/).filter(Boolean).pop();
  if (!last) return undefined;
  return SIGN_IN_ENTITIES.has(last.toLowerCase()) ? SIGN_IN : { signIn: false, category: cleanName(last) };
}

/** Where no category is named: a sign-in id, a sign-in time and a user, app or service principal. */
export function verdictOfFields(get: (graphKey: string) => unknown): RecordVerdict {
  const hasId = str(get('id')) !== null;
  const hasTime = parseTimestamp(get('createdDateTime')) !== null;
  const hasPrincipal = ['userPrincipalName', 'userId', 'appId', 'appDisplayName', 'servicePrincipalId', 'servicePrincipalName'].some((k) => str(get(k)) !== null);
  if (hasId && hasTime && hasPrincipal) return SIGN_IN;
  const missing = [hasId ? null : 'id', hasTime ? null : 'createdDateTime', hasPrincipal ? null : 'user, app or service principal'].filter(Boolean);
  return { signIn: false, category: `uncategorized (no ${missing.join(', no ')})` };
}

/** The first verdict that names something. */
export function firstVerdict(...steps: Array<() => RecordVerdict | undefined>): RecordVerdict | undefined {
  for (const step of steps) {
    const v = step();
    if (v) return v;
  }
  return undefined;
}

/** Category names come from the evidence: shown as plain short text. */
function cleanName(name: string): string {
  const flat = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
  return flat.length > MAX_NAME ? `${flat.slice(0, MAX_NAME)}…` : flat;
}

/** What a file's summary says about records of one category kept out of `signins`. */
export function skippedMessage(category: string, n: number): string {
  return n === 1 ? `1 record is ${category}, not a sign-in: skipped` : `${n.toLocaleString('en')} records are ${category}, not sign-ins: skipped`;
}
