// The rules and stored findings of the open case, and the annotations carried by findings. Findings
// are ranked by severity, then in time order (how an incident is read).
import type { AnnotationItem } from '../../../shared/model/annotation';
import type { DetectionStatus, Finding, RuleInfo } from '../../../shared/model/detection';
import { useApi } from '../../actions/use-api';
import { SEVERITY_RANK } from './severity';

/** The most findings `detections.findings` returns at once. */
const FINDINGS_LIMIT = 5000;

export interface FindingMarks {
  tags: string[];
  starred: boolean;
  notes: number;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.timeFrom - b.timeFrom || (a.id ?? 0) - (b.id ?? 0));
}

export function useRules(): { rules: RuleInfo[] | null; byId: Map<string, RuleInfo>; error: string | null } {
  const { data, error } = useApi('detections.list', {}, ['findings']);
  return { rules: data, byId: new Map((data ?? []).map((r) => [r.id, r])), error };
}

export function useFindings(): { findings: Finding[] | null; total: number; error: string | null; loading: boolean } {
  const { data, error, loading } = useApi('detections.findings', { limit: FINDINGS_LIMIT }, ['findings']);
  return { findings: data ? sortFindings(data.findings) : null, total: data?.total ?? 0, error, loading };
}

/** When detections last ran and which rules' findings predate the case's current sign-ins. */
export function useDetectionStatus(): DetectionStatus | null {
  return useApi('detections.status', {}, ['findings', 'signins']).data;
}

/** Tags / star / notes of every finding, by finding id. */
export function useFindingMarks(): Map<string, FindingMarks> {
  const { data } = useApi('annotations.list', { targetType: 'finding', limit: 1000 }, ['annotations']);
  const marks = new Map<string, FindingMarks>();
  for (const item of data?.items ?? []) addMark(marks, item);
  return marks;
}

function addMark(marks: Map<string, FindingMarks>, item: AnnotationItem): void {
  if (item.target.type !== 'finding') return;
  let m = marks.get(item.target.key);
  if (!m) marks.set(item.target.key, (m = { tags: [], starred: false, notes: 0 }));
  if (item.kind === 'tag' && item.tag && !m.tags.includes(item.tag)) m.tags.push(item.tag);
  else if (item.kind === 'star') m.starred = true;
  else if (item.kind === 'note') m.notes++;
}
