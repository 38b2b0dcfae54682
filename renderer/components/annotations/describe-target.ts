// How an annotation's target reads in lists and in the activity log.
import type { AnnotationTarget } from '../../../shared/model/annotation';

/** How a target reads in lists: "sign-in #42", "user alice@…", "IP 203.0.113.5", "finding #3". */
export function describeTarget(target: AnnotationTarget): string {
  if (target.type === 'signin') return `sign-in #${target.rid}`;
  const label = { session: 'session', user: 'user', ip: 'IP', finding: 'finding #' }[target.type];
  return target.type === 'finding' ? `${label}${target.key}` : `${label} ${target.key}`;
}
