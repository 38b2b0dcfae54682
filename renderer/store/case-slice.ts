// The open case: its summary, and a version per part of the case (shared/api/contract.ts CASE_PARTS)
// that `case.changed` events move forward, so each view re-reads only the parts it shows.
import { CASE_PARTS, type CaseInfo, type CasePart, type Res } from '../../shared/api/contract';
import type { SliceCreator } from './types';

export type PartVersions = Readonly<Record<CasePart, number>>;

export interface CaseSlice {
  appInfo: Res<'app.info'> | null;
  caseInfo: CaseInfo | null;
  /** How often each part of the case changed; a view keys its queries on the parts it shows. */
  changes: PartVersions;
  connectionLost: string | null;
  setAppInfo(info: Res<'app.info'>): void;
  setCase(info: CaseInfo): void;
  /** The case summary shows unsaved changes (a change made from this window, before the next case.info). */
  markDirty(): void;
  /** These parts changed: every view showing one of them re-reads it. */
  partsChanged(what: readonly CasePart[]): void;
  setConnectionLost(reason: string): void;
}

export const NO_CHANGES: PartVersions = Object.fromEntries(CASE_PARTS.map((p) => [p, 0])) as Record<CasePart, number>;

export const createCaseSlice: SliceCreator<CaseSlice> = (set) => ({
  appInfo: null,
  caseInfo: null,
  changes: NO_CHANGES,
  connectionLost: null,
  setAppInfo: (appInfo) => set({ appInfo }),
  setCase: (caseInfo) => set({ caseInfo }),
  markDirty: () => set((s) => (s.caseInfo && !s.caseInfo.dirty ? { caseInfo: { ...s.caseInfo, dirty: true } } : {})),
  partsChanged: (what) =>
    set((s) => {
      if (what.length === 0) return {};
      const changes = { ...s.changes };
      for (const part of new Set(what)) changes[part] += 1;
      return { changes };
    }),
  setConnectionLost: (connectionLost) => set({ connectionLost }),
});

/** A key that changes whenever one of `parts` changed (for a query's refresh key). */
export function partsKey(changes: PartVersions, parts: readonly CasePart[]): string {
  return parts.map((p) => changes[p]).join(':');
}
