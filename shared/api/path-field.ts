// File-system paths in requests are marked where the contract declares them: `pathField('read')` or
// `pathField('write')`. The backend (main/api/backend.ts) finds every marked field of a parsed request
// and runs it through the path policy, so a new channel with a path is checked without anyone
// keeping a list (test/unit/api/path-fields.test.ts fails on a path-like field left unmarked).
import { z } from 'zod';
import { LIMITS } from './limits';

/** read: a file or folder the page may read (evidence, a case, a database); write: an output location. */
export type PathAccess = 'read' | 'write';

const marked = z.registry<{ access: PathAccess }>();

export function pathField(access: PathAccess) {
  return z.string().min(1).max(LIMITS.maxPath).register(marked, { access });
}

/** Where a marked field sits in a request: object keys, `[]` for every array element. */
export interface PathFieldAt {
  at: string[];
  access: PathAccess;
}

/** Schemas that only wrap another (optional, nullable, default...): what they wrap. */
function innerOf(schema: z.ZodType): z.ZodType[] {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return [def.innerType!];
    case 'pipe':
      return [def.in!, def.out!];
    case 'union':
      return def.options!;
    case 'intersection':
      return [def.left!, def.right!];
    default:
      return [];
  }
}

/**
 * Calls `visit` for every string field of an object schema (at any depth: through wrappers, arrays,
 * unions), with the key path, the field's key and its mark (null when unmarked).
 */
export function walkStringFields(schema: z.ZodType, visit: (at: string[], key: string, access: PathAccess | null) => void, at: string[] = [], key = ''): void {
  const mark = marked.get(schema);
  if (mark) return visit(at, key, mark.access);
  const def = schema._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
  if (def.type === 'string') return visit(at, key, null);
  if (def.type === 'object') for (const [k, child] of Object.entries(def.shape!)) walkStringFields(child, visit, [...at, k], k);
  else if (def.type === 'array') walkStringFields(def.element!, visit, [...at, '[]'], key);
  else for (const inner of innerOf(schema)) walkStringFields(inner, visit, at, key);
}

/** Every marked path field of a request schema. */
export function pathFieldsOf(schema: z.ZodType): PathFieldAt[] {
  const found: PathFieldAt[] = [];
  walkStringFields(schema, (at, _key, access) => {
    if (access && !found.some((f) => f.at.join('.') === at.join('.'))) found.push({ at, access });
  });
  return found;
}

/** Replaces each marked path in a parsed request by what `check` returns (it throws to refuse one). */
export function checkPathFields(fields: readonly PathFieldAt[], req: unknown, check: (p: string, access: PathAccess) => string): void {
  for (const { at, access } of fields) replaceAt(req, at, (p) => check(p, access));
}

function replaceAt(value: unknown, at: readonly string[], replace: (p: string) => string): void {
  if (value === null || typeof value !== 'object') return;
  const [step, ...rest] = at;
  if (step === undefined) return;
  const container = value as Record<string, unknown>;
  const keys = step === '[]' && Array.isArray(value) ? value.map((_, i) => String(i)) : Object.hasOwn(container, step) ? [step] : [];
  for (const k of keys) {
    if (rest.length) replaceAt(container[k], rest, replace);
    else if (typeof container[k] === 'string') container[k] = replace(container[k]);
  }
}
