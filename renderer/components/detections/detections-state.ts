// State of the Detections view that outlives a tab switch (the view unmounts when hidden): what is
// listed (findings or rules), the severity and rule filters, the rule open in Rules mode.
import { create } from 'zustand';
import type { Severity } from '../../../shared/model/detection';

interface DetectionsViewState {
  mode: 'findings' | 'rules';
  minSeverity: Severity;
  ruleFilter: string | null;
  selectedRule: string | null;
  setMode(mode: DetectionsViewState['mode']): void;
  setMinSeverity(severity: Severity): void;
  setRuleFilter(ruleId: string | null): void;
  selectRule(ruleId: string | null): void;
}

export const useDetectionsView = create<DetectionsViewState>()((set) => ({
  mode: 'findings',
  minSeverity: 'informational',
  ruleFilter: null,
  selectedRule: null,
  setMode: (mode) => set({ mode }),
  setMinSeverity: (minSeverity) => set({ minSeverity }),
  setRuleFilter: (ruleFilter) => set({ ruleFilter }),
  selectRule: (selectedRule) => set({ selectedRule }),
}));
