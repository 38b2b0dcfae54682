// What the analyst must hear about when a case opens or changes: annotations recovered from the
// journal, evidence files missing or changed since import, and a failing autosave. Each is announced
// once; the case file is remembered in the recent list.
import { useEffect, useRef } from 'react';
import type { CaseInfo, SourceInfo } from '../../../shared/api/contract';
import type { RecoveryStatus } from '../../../shared/model/annotation';
import { recoveryStatus } from '../../actions/case';
import { useParts } from '../../actions/use-api';
import { formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { rememberCase } from './recent-cases';

export const BAD_EVIDENCE = new Set(['missing', 'changed']);

export function badEvidence(info: CaseInfo | null): SourceInfo[] {
  return info?.sources.filter((s) => s.evidenceCheck !== undefined && BAD_EVIDENCE.has(s.evidenceCheck)) ?? [];
}

/** Keeps the last recovery status in `onStatus`; announces recoveries and evidence problems. */
export function useCaseWatch(onStatus: (status: RecoveryStatus | null) => void): void {
  const info = useStore((s) => s.caseInfo);
  const journaled = useParts(['annotations', 'views']); // what the journal holds
  const announced = useRef(new Set<string>());
  const once = (key: string, announce: () => void) => {
    if (announced.current.has(key)) return;
    announced.current.add(key);
    announce();
  };

  useEffect(() => {
    if (info?.path) rememberCase(info.path);
  }, [info?.path]);

  useEffect(() => {
    const bad = badEvidence(info);
    if (!info || bad.length === 0) return;
    const key = `evidence|${info.path ?? info.title}|${bad.map((s) => `${s.id}:${s.evidenceCheck}`).join(',')}`;
    once(key, () => {
      const list = bad.map((s) => `${s.fileName} (${s.evidenceCheck})`).join(', ');
      useStore
        .getState()
        .notify(
          'error',
          `Evidence check failed for ${bad.length} of ${info.sources.length} file${info.sources.length === 1 ? '' : 's'}: ${list}. The case keeps what was imported, but the originals no longer match what was recorded at import (size and SHA-256). See the Evidence tab.`,
        );
    });
  }, [info]);

  useEffect(() => {
    if (!info) return;
    let live = true;
    const read = () =>
      recoveryStatus()
        .then((status) => {
          if (!live) return;
          onStatus(status);
          const r = status.lastRecovery;
          if (r && r.annotations > 0) {
            once(`recovery|${r.journalPath}|${r.entries}|${r.annotations}`, () =>
              useStore
                .getState()
                .notify(
                  'info',
                  `Recovered ${formatCount(r.annotations)} annotation change${r.annotations === 1 ? '' : 's'} that were not in the saved case file (journal ${r.journalPath})${r.failed ? `; ${formatCount(r.failed)} could not be applied` : ''}. Save the case to keep them in the file.`,
                ),
            );
          }
        })
        .catch(() => live && onStatus(null));
    void read();
    const timer = setInterval(read, 60_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [info, journaled, onStatus]);
}
