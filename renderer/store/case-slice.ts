import type { CaseInfo, Res } from '../../shared/api/contract';
import type { SliceCreator } from './types';
import { defaultTimeMode } from './ui-slice';

export interface CaseSlice {
  appInfo: Res<'app.info'> | null;
  caseInfo: CaseInfo | null;
  /** Bumped whenever the case's content changes, so every view re-queries. */
  caseVersion: number;
  connectionLost: string | null;
  setAppInfo(info: Res<'app.info'>): void;
  setCase(info: CaseInfo): void;
  setConnectionLost(reason: string): void;
}

export const createCaseSlice: SliceCreator<CaseSlice> = (set) => ({
  appInfo: null,
  caseInfo: null,
  caseVersion: 0,
  connectionLost: null,
  setAppInfo: (appInfo) => set({ appInfo }),
  // The case's own zone wins; a case without one shows the zone last chosen on this machine.
  setCase: (caseInfo) => set((s) => ({ caseInfo, caseVersion: s.caseVersion + 1, timeMode: caseInfo.timeZone ?? defaultTimeMode() })),
  setConnectionLost: (connectionLost) => set({ connectionLost }),
});
