// Annotation targets in their stored form: a sign-in by `rid`, anything else by a normalized text key.
import type { SqlValue } from '../db/row-spec';
import type { AnnotationTarget, TargetType } from '../../shared/model/annotation';
import { AppError } from '../../shared/errors';

export interface StoredTarget {
  targetType: TargetType;
  rid: number | null;
  key: string | null;
}

/** UPNs compare case-insensitively in Entra ID; finding ids are integers. */
export function normalizeTarget(target: AnnotationTarget): AnnotationTarget {
  if (target.type === 'signin') return target;
  const key = target.key.trim();
  if (target.type === 'user') return { type: 'user', key: key.toLowerCase() };
  if (target.type === 'finding' && !/^\d+$/.test(key)) throw new AppError('INVALID_INPUT', `a finding is named by its number, not "${key.slice(0, 40)}"`);
  return { type: target.type, key };
}

export function storedTarget(target: AnnotationTarget): StoredTarget {
  const t = normalizeTarget(target);
  return t.type === 'signin' ? { targetType: 'signin', rid: t.rid, key: null } : { targetType: t.type, rid: null, key: t.key };
}

export function targetFromRow(targetType: string, rid: number | null, key: string | null): AnnotationTarget {
  if (targetType === 'signin') return { type: 'signin', rid: Number(rid) };
  return { type: String(targetType) as Exclude<TargetType, 'signin'>, key: String(key) };
}

/** SQL matching one stored target over `annotations` (columns prefixed with `alias`), with its parameters. */
export function targetMatch(target: AnnotationTarget, alias = ''): { sql: string; params: SqlValue[] } {
  const t = storedTarget(target);
  return t.rid !== null
    ? { sql: `${alias}target_type = 'signin' AND ${alias}rid = ?`, params: [t.rid] }
    : { sql: `${alias}target_type = ? AND ${alias}target_key = ?`, params: [t.targetType, t.key!] };
}
