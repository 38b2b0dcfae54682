// Reopens the case a stopped engine worker had open: its last saved state (the case file, or an
// unsaved case's autosaved copy in the recovery folder), then its journal, so no annotation is lost.
import { CaseDb } from '../db/case-db';
import type { CaseKeeper } from './autosave';
import { loadCase } from './case-store';
import { openDemoCase } from './demo-case';
import { DEMO_RECOVERY_ID, loadRecovered, type CaseLocation } from './journal';

export async function restoreCase(keeper: CaseKeeper, location: CaseLocation): Promise<void> {
  const load = async (): Promise<CaseDb> => {
    if (location.kind === 'file') return loadCase(location.casePath);
    if (location.id === DEMO_RECOVERY_ID) return (await openDemoCase()).caseDb;
    return (await loadRecovered(location)) ?? CaseDb.create();
  };
  await keeper.switchTo(load, location, { preferRecovered: true });
}
