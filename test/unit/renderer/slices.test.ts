// Each store slice writes only its own state (what spans slices is renderer/actions/*): every action
// of every slice is called with a recording `set`, and the keys it writes must be the slice's own.
// The job slice is also checked on its own: one entry per job, keyed by id, through its whole life.
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import type { CaseInfo } from '../../../shared/api/contract';
import { applyPivotFilter, showRidsInGrid } from '../../../renderer/actions/navigate';
import { createCaseSlice } from '../../../renderer/store/case-slice';
import { createDetectionSlice } from '../../../renderer/store/detection-slice';
import { createFilterSlice } from '../../../renderer/store/filter-slice';
import { createGridSlice } from '../../../renderer/store/grid-slice';
import { createJobSlice, runningJob, type JobProgress } from '../../../renderer/store/job-slice';
import { createNoticeSlice } from '../../../renderer/store/notice-slice';
import { createSelectionSlice } from '../../../renderer/store/selection-slice';
import { useStore } from '../../../renderer/store/store';
import type { JobDone } from '../../../renderer/store/job-slice';
import type { SliceCreator, Store } from '../../../renderer/store/types';
import { createUiSlice } from '../../../renderer/store/ui-slice';

const CASE: CaseInfo = { path: null, title: 'case', signins: 3, timeMin: null, timeMax: null, sources: [], dirty: false };
const progress = (jobId: string, kind: string): JobProgress =>
  ({
    jobId,
    kind,
    phase: 'reading',
    file: 'f.json',
    fileIndex: 0,
    files: 1,
    bytesDone: 5,
    bytesTotal: 10,
    records: 2,
    recordsPerSecond: 1,
    bytesPerSecond: 1,
  }) as JobProgress; // any kind, with an import's phase: the tracker keys on id and kind only
const done = (jobId: string, kind: string) => ({ jobId, kind, ok: true, cancelled: false, error: null, summary: null }) as JobDone;

/** Arguments for every slice action; an action missing here fails the test, so new ones get checked too. */
const ARGS: Record<string, unknown[]> = {
  setAppInfo: [{ version: '1', mode: 'test', roots: [], writable: [], outputDir: null }],
  setCase: [CASE],
  markDirty: [],
  partsChanged: [['signins', 'annotations']],
  setConnectionLost: ['gone'],
  setDetectionSummary: [{ findings: 0 }],
  selectFinding: [3],
  setColumnCondition: ['app_display_name', { column: 'app_display_name', op: 'eq', values: ['x'] }],
  removeConditionAt: [0],
  setTimeRange: [1, 2],
  setText: ['abc'],
  clearFilters: [],
  applyPivot: [{ conditions: [], anyOf: [{ column: 'ip_address', op: 'in', values: ['1.2.3.4'] }] }, 'pivot'],
  removePivot: [],
  showRids: [[1, 2], 'two'],
  removeRids: [],
  replaceFilter: [{ conditions: [] }],
  setTagFilter: [['t']],
  setColumns: [['created_at']],
  setWidth: ['created_at', 100],
  moveColumn: ['created_at', null],
  toggleSort: ['created_at', true],
  setSort: [[{ column: 'created_at', dir: 'asc' }]],
  setGroupBy: [['status']],
  setSnapshot: [{ snapshotId: 1, matching: 10, total: 10, ms: 1 }],
  jobRequested: ['detections'],
  jobStarted: ['detections', 'j1'],
  jobAbandoned: ['detections'],
  jobProgress: [progress('j2', 'import')],
  jobFinished: [done('j2', 'import')],
  notify: ['info', 'hello'],
  dismiss: [1],
  selectRow: [3, 4, 'extend'],
  selectAllRows: [],
  clearSelection: [],
  setFocusColumn: [2],
  select: [1, 2],
  deselect: [],
  setTimeMode: ['utc'],
  setTheme: ['light'],
  setView: ['map'],
  setTimelineMode: ['swimlanes'],
  toggleTimeline: [],
  setDetailsTab: ['raw'],
  setOpenDialog: [true],
  setSaveDialog: [true],
};

const SLICES: Record<string, SliceCreator<object>> = {
  case: createCaseSlice,
  detection: createDetectionSlice,
  filter: createFilterSlice,
  grid: createGridSlice,
  job: createJobSlice,
  notice: createNoticeSlice,
  selection: createSelectionSlice,
  ui: createUiSlice,
};

beforeEach(() => {
  useStore.setState({ snapshot: { snapshotId: 1, matching: 10, total: 10, ms: 1 }, selected: { index: 0, rid: 1 }, rowSelection: null, jobs: {}, caseInfo: CASE });
});

describe('store slices', () => {
  for (const [name, create] of Object.entries(SLICES)) {
    it(`the ${name} slice writes only its own state`, () => {
      const written = new Set<string>();
      const set = ((partial: Partial<Store> | ((s: Store) => Partial<Store>)) => {
        const part = typeof partial === 'function' ? partial(useStore.getState()) : partial;
        for (const key of Object.keys(part)) written.add(key);
      }) as StoreApi<Store>['setState'];
      const slice = create(set, useStore.getState, useStore) as Record<string, unknown>;
      const own = new Set(Object.keys(slice).filter((k) => typeof slice[k] !== 'function'));
      const actions = Object.keys(slice).filter((k) => typeof slice[k] === 'function');
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) {
        expect(ARGS, `no arguments listed for ${name}.${action}`).toHaveProperty(action);
        (slice[action] as (...a: unknown[]) => void)(...ARGS[action]!);
      }
      expect(written.size).toBeGreaterThan(0);
      expect([...written].filter((k) => !own.has(k))).toEqual([]);
    });
  }

  it('actions, not slices, move the view and the cursor along with a new filter', () => {
    useStore.setState({ view: 'detections' });
    showRidsInGrid([7, 8], 'finding #1');
    let s = useStore.getState();
    expect(s.filter).toEqual({ conditions: [], rids: [7, 8] });
    expect(s.ridsFilterLabel).toEqual({ rids: [7, 8], label: 'finding #1' });
    expect(s.view).toBe('signins');
    expect(s.selected).toEqual({ index: 0, rid: 1 }); // the rows change with the next snapshot, not here

    useStore.setState({ view: 'map' });
    const pivot = { conditions: [], anyOf: [{ column: 'ip_address', op: 'in' as const, values: ['1.2.3.4'] }] };
    applyPivotFilter(pivot, 'the selected sign-in');
    s = useStore.getState();
    expect(s.pivotLabel).toEqual({ anyOf: pivot.anyOf, label: 'the selected sign-in' });
    expect(s.selected).toBeNull();
    expect(s.view).toBe('signins');
  });

  it('tracks each job once, by id, from request to end, whichever event comes first', () => {
    const s = () => useStore.getState();
    s().jobRequested('detections');
    expect(runningJob(s(), 'detections')).toMatchObject({ jobId: null, kind: 'detections', progress: null });
    s().jobProgress(progress('d1', 'detections')); // progress can arrive before the start request answers
    s().jobStarted('detections', 'd1');
    expect(Object.keys(s().jobs)).toEqual(['d1']);
    expect(runningJob(s(), 'detections')).toMatchObject({ jobId: 'd1', progress: { bytesDone: 5 } });

    s().jobProgress(progress('i1', 'import')); // an import started from the desktop menu
    expect(runningJob(s(), 'import')).toMatchObject({ jobId: 'i1', kind: 'import' });
    expect(runningJob(s(), 'import', 'sessions')).toMatchObject({ jobId: 'i1', kind: 'import' });

    s().jobFinished(done('d1', 'detections'));
    s().jobFinished(done('i1', 'import'));
    expect(s().jobs).toEqual({});
    expect(runningJob(s(), 'import', 'sessions')).toBeNull();
    expect(s().lastImport).toMatchObject({ jobId: 'i1' });
  });
});
