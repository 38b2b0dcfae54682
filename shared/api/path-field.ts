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

/** What a schema wraps or combines (optional, nullable, default, pipe, union...), to look inside it. */
function innerOf(schema: z.core.$ZodType): readonly z.core.$ZodType[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodReadonly || schema instanceof z.ZodCatch) return [schema.unwrap()];
  if (schema instanceof z.ZodPipe) return [schema.in, schema.out];
  if (schema instanceof z.ZodUnion) return schema.options;
  if (schema instanceof z.ZodIntersection) return [schema._zod.def.left, schema._zod.def.right];
  return [];
}

/**
 * Calls `visit` for every string field of an object schema (at any depth: through wrappers, arrays,
 * unions), with the key path, the field's key and its mark (null when unmarked).
 */
export function walkStringFields(schema: z.core.$ZodType, visit: (at: string[], key: string, access: PathAccess | null) => void, at: string[] = [], key = ''): void {
  const mark = marked.get(schema);
  if (mark) return visit(at, key, mark.access);
  if (schema instanceof z.ZodString) return visit(at, key, null);
  if (schema instanceof z.ZodObject) for (const [k, child] of Object.entries(schema.shape)) walkStringFields(child, visit, [...at, k], k);
  else if (schema instanceof z.ZodArray) walkStringFields(schema.element, visit, [...at, '[]'], key);
  else for (const inner of innerOf(schema)) walkStringFields(inner, visit, at, key);
}

/** Every marked path field of a request schema. */
export function pathFieldsOf(schema: z.core.$ZodType): PathFieldAt[] {
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
  const [step, ...rest] = at;
  if (step === undefined || value === null || typeof value !== 'object') return;
  const keys = step === '[]' && Array.isArray(value) ? value.map((_, i) => String(i)) : Object.hasOwn(value, step) ? [step] : [];
  for (const k of keys) {
    const v: unknown = Reflect.get(value, k);
    if (rest.length) replaceAt(v, rest, replace);
    else if (typeof v === 'string') Reflect.set(value, k, replace(v));
  }
}
