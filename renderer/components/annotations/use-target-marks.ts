// What one target carries: its tags, its star and its notes (annotations.list narrowed to the target).
import type { AnnotationItem, AnnotationTarget } from '../../../shared/model/annotation';
import { useApi } from '../../actions/use-api';

export interface TargetMarks {
  tags: string[];
  starred: boolean;
  notes: AnnotationItem[];
}

export function useTargetMarks(target: AnnotationTarget | null): { marks: TargetMarks | null; error: string | null } {
  const { data, error } = useApi('annotations.list', target ? { target, limit: 1000 } : null, ['annotations']);
  if (!data) return { marks: null, error };
  const items = data.items;
  return {
    marks: {
      tags: [...new Set(items.filter((i) => i.kind === 'tag' && i.tag !== null).map((i) => i.tag!))].sort(),
      starred: items.some((i) => i.kind === 'star'),
      notes: items.filter((i) => i.kind === 'note').sort((a, b) => a.createdMs - b.createdMs),
    },
    error,
  };
}
