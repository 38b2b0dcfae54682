// Detections state that outlives the Detections tab: the last run's summary and the open finding.
// A running detections job is in the job slice; findings changes are the case slice's `changes.findings`.
import type { DetectionRunSummary } from '../../shared/model/detection';
import type { SliceCreator } from './types';

export interface DetectionSlice {
  detectionSummary: DetectionRunSummary | null;
  selectedFinding: number | null;
  setDetectionSummary(summary: DetectionRunSummary): void;
  selectFinding(id: number | null): void;
}

export const createDetectionSlice: SliceCreator<DetectionSlice> = (set) => ({
  detectionSummary: null,
  selectedFinding: null,
  setDetectionSummary: (detectionSummary) => set({ detectionSummary }),
  selectFinding: (selectedFinding) => set({ selectedFinding }),
});
