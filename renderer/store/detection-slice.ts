// Detections state that outlives the Detections tab: the running job, the last run's summary, the
// open finding, and what a "Show sign-ins" rid filter stands for (the grid toolbar names it).
import type { DetectionRunSummary } from '../../shared/model/detection';
import type { SliceCreator } from './types';

export interface DetectionRunState {
  jobId: string | null;
  /** Title of the rule being run, rules done / total, findings so far. */
  rule: string;
  done: number;
  total: number;
  findings: number;
}

export interface RidsFilterLabel {
  /** The exact array put in the filter: the label applies while the filter still holds it. */
  rids: readonly number[];
  label: string;
}

export interface DetectionSlice {
  detectionRun: DetectionRunState | null;
  detectionSummary: DetectionRunSummary | null;
  /** Bumped when findings or rule settings change, so the Detections view re-reads them. */
  detectionsVersion: number;
  selectedFinding: number | null;
  ridsFilterLabel: RidsFilterLabel | null;
  setDetectionRun(run: DetectionRunState | null): void;
  finishDetectionRun(summary: DetectionRunSummary | null): void;
  detectionsChanged(): void;
  selectFinding(id: number | null): void;
  /** The grid shows exactly these sign-ins (other filters are dropped) and the Sign-ins tab opens. */
  showRidsInGrid(rids: number[], label: string): void;
}

export const createDetectionSlice: SliceCreator<DetectionSlice> = (set) => ({
  detectionRun: null,
  detectionSummary: null,
  detectionsVersion: 0,
  selectedFinding: null,
  ridsFilterLabel: null,
  setDetectionRun: (detectionRun) => set({ detectionRun }),
  finishDetectionRun: (summary) => set((s) => ({ detectionRun: null, detectionSummary: summary ?? s.detectionSummary, detectionsVersion: s.detectionsVersion + 1 })),
  detectionsChanged: () => set((s) => ({ detectionsVersion: s.detectionsVersion + 1 })),
  selectFinding: (selectedFinding) => set({ selectedFinding }),
  showRidsInGrid: (rids, label) => set({ filter: { conditions: [], rids }, ridsFilterLabel: { rids, label }, view: 'signins' }),
});
