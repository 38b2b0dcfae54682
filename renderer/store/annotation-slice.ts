// Annotation state shared by the details pane, the grid toolbar, the Detections and Annotations
// views: a version every reader re-queries on, the tag filter, and a running bulk-tag job.
import type { SliceCreator } from './types';

export interface BulkTagJob {
  jobId: string | null;
  tags: string[];
  done: number;
  total: number;
}

export interface AnnotationSlice {
  /** Bumped after every tag / note / star / saved-view change made from this window. */
  annotationsVersion: number;
  bulkTagJob: BulkTagJob | null;
  /** A change was committed: readers refresh and the case shows unsaved changes (without re-querying the grid). */
  annotationsChanged(): void;
  /** Only sign-ins carrying one of these tags (an empty list removes the tag filter). */
  setTagFilter(tags: string[]): void;
  setBulkTagJob(job: BulkTagJob | null): void;
}

export const createAnnotationSlice: SliceCreator<AnnotationSlice> = (set) => ({
  annotationsVersion: 0,
  bulkTagJob: null,
  annotationsChanged: () => set((s) => ({ annotationsVersion: s.annotationsVersion + 1, caseInfo: s.caseInfo ? { ...s.caseInfo, dirty: true } : s.caseInfo })),
  setTagFilter: (tags) =>
    set((s) => {
      const next = { ...s.filter };
      if (tags.length) next.tags = tags;
      else delete next.tags;
      return { filter: next };
    }),
  setBulkTagJob: (bulkTagJob) => set({ bulkTagJob }),
});
