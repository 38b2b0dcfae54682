// The case's lifecycle: open, new, demo, recovered; save; its time zone; relocated evidence; the
// shell's native dialogs; what this session may read and write. Opening another case makes main
// announce every part as changed (case.changed), so these only take the summary they are answered with.
import type { Req, Res, ShellCommand } from '../../shared/api/contract';
import { api } from '../api/client';
import { useStore } from '../store/store';
import { caseChanged, refreshCase } from './case-changes';

export async function loadStartup(): Promise<void> {
  const [appInfo, caseInfo] = await Promise.all([api().call('app.info', {}), api().call('case.info', {})]);
  useStore.getState().setAppInfo(appInfo);
  caseChanged(caseInfo, []);
}

export async function openCase(path: string): Promise<void> {
  caseChanged(await api().call('case.open', { path }), []);
}

export async function openDemo(): Promise<void> {
  caseChanged(await api().call('case.openDemo', {}), []);
}

export async function newCase(): Promise<void> {
  caseChanged(await api().call('case.new', {}), []);
}

export async function openRecovered(id: string): Promise<void> {
  await api().call('recovery.open', { id });
  await refreshCase();
}

export function discardRecovered(id: string): Promise<Res<'recovery.discard'>> {
  return api().call('recovery.discard', { id });
}

export function listRecoverable(): Promise<Res<'recovery.list'>> {
  return api().call('recovery.list', {});
}

export function recoveryStatus(): Promise<Res<'recovery.status'>> {
  return api().call('recovery.status', {});
}

/** Saves in place (no path) or to `path`; the summary is read again (dirty flag, path). */
export async function saveCase(req: Req<'case.save'> = {}): Promise<Res<'case.save'>> {
  const res = await api().call('case.save', req);
  await refreshCase();
  return res;
}

export async function setCaseTimeZone(zone: Req<'case.setTimeZone'>['zone']): Promise<void> {
  caseChanged(await api().call('case.setTimeZone', { zone }), ['meta']);
}

/** Points an evidence file at a new path: the same rows, so only the summary (its sources) changes. */
export async function locateEvidence(sourceId: number, path: string): Promise<void> {
  caseChanged(await api().call('case.locateEvidence', { sourceId, path }), ['meta']);
}

/** Desktop only: a native dialog of the shell (it may open or save the case: the summary is read again). */
export async function shellCommand(command: ShellCommand): Promise<Res<'app.command'>> {
  const res = await api().call('app.command', { command });
  if (command === 'open' || command === 'saveAs') await refreshCase();
  return res;
}

/** Grants change while the app runs (a folder chosen to write into, an opened case): keep them current. */
export function refreshAppInfo(): void {
  void api()
    .call('app.info', {})
    .then(
      (info) => useStore.getState().setAppInfo(info),
      () => undefined,
    );
}

export function listFolder(dir?: string): Promise<Res<'fs.list'>> {
  return api().call('fs.list', dir ? { dir } : {});
}
