// Filters of the Annotations tab that outlive a tab switch.
import { create } from 'zustand';
import type { AnnotationKind, TargetType } from '../../../shared/model/annotation';

interface AnnotationsViewState {
  mode: 'annotations' | 'activity';
  kind: AnnotationKind | null;
  targetType: TargetType | null;
  tag: string | null;
  set(partial: Partial<Omit<AnnotationsViewState, 'set'>>): void;
}

export const useAnnotationsView = create<AnnotationsViewState>()((set) => ({
  mode: 'annotations',
  kind: null,
  targetType: null,
  tag: null,
  set: (partial) => set(partial),
}));
