// The grid's selection as ranges of snapshot positions: range algebra, and the selection slice's
// click / Shift / Ctrl / Shift+arrow / select-all / Esc rules over a million-row snapshot.
import { beforeEach, describe, expect, it } from 'vitest';
import { chunks, clip, contains, countRows, normalize, subtract, toggle, union } from '../../../renderer/store/row-ranges';
import { allRowsSelected, selectedRanges, selectedRowCount } from '../../../renderer/store/selection-slice';
import { useStore } from '../../../renderer/store/store';
import { toTsv } from '../../../renderer/format/tsv';
import { fetchSelectedRows, MAX_COPY_ROWS, SelectionTooLarge } from '../../../renderer/components/grid/selection-rows';

describe('row ranges', () => {
  it('normalizes: sorts, merges overlapping and touching ranges, drops empty ones', () => {
    expect(
      normalize([
        [10, 12],
        [0, 2],
        [3, 4],
        [11, 20],
        [7, 6],
      ]),
    ).toEqual([
      [0, 4],
      [10, 20],
    ]);
  });

  it('adds, removes, toggles and counts', () => {
    let r = union([], [5, 9]);
    r = union(r, [20, 29]);
    expect(countRows(r)).toBe(15);
    r = subtract(r, [7, 22]);
    expect(r).toEqual([
      [5, 6],
      [23, 29],
    ]);
    r = toggle(r, 6);
    expect(r).toEqual([
      [5, 5],
      [23, 29],
    ]);
    r = toggle(r, 6);
    expect(r).toEqual([
      [5, 6],
      [23, 29],
    ]);
    expect([4, 5, 6, 7, 22, 23, 29, 30].map((i) => contains(r, i))).toEqual([false, true, true, false, false, true, true, false]);
    expect(
      clip(
        [
          [-3, 2],
          [8, 40],
        ],
        10,
      ),
    ).toEqual([
      [0, 2],
      [8, 9],
    ]);
  });

  it('splits into page-sized chunks in order', () => {
    expect([
      ...chunks(
        [
          [0, 2499],
          [3000, 3000],
        ],
        1000,
      ),
    ]).toEqual([
      [0, 999],
      [1000, 1999],
      [2000, 2499],
      [3000, 3000],
    ]);
  });
});

describe('selection slice', () => {
  const MILLION = 1_000_000;
  beforeEach(() => {
    useStore.setState({ snapshot: { snapshotId: 7, matching: MILLION, total: MILLION, ms: 1 }, selected: null, rowSelection: null });
  });
  const s = () => useStore.getState();

  it('click selects one row; Shift-click extends from the anchor; Ctrl-click toggles and moves the anchor', () => {
    s().selectRow(10, 110, 'only');
    expect(selectedRanges(s())).toEqual([[10, 10]]);
    expect(s().selected).toEqual({ index: 10, rid: 110 });
    s().selectRow(4, null, 'extend');
    expect(selectedRanges(s())).toEqual([[4, 10]]);
    s().selectRow(7, null, 'toggle');
    expect(selectedRanges(s())).toEqual([
      [4, 6],
      [8, 10],
    ]);
    s().selectRow(20, null, 'addExtend'); // Ctrl+Shift-click: adds 7..20 to what is selected
    expect(selectedRanges(s())).toEqual([[4, 20]]);
    s().selectRow(15, null, 'extend'); // plain Shift-click from the anchor (7) replaces
    expect(selectedRanges(s())).toEqual([[7, 15]]);
  });

  it('Shift+arrows grow and shrink from the anchor, across a page of a million rows', () => {
    s().selectRow(500_000, null, 'only');
    for (let i = 1; i <= 3; i++) s().selectRow(500_000 + i, null, 'extend');
    expect(selectedRanges(s())).toEqual([[500_000, 500_003]]);
    s().selectRow(499_998, null, 'extend');
    expect(selectedRanges(s())).toEqual([[499_998, 500_000]]);
    expect(selectedRowCount(s())).toBe(3);
  });

  it('select all is one range; Esc empties the selection but keeps the cursor', () => {
    s().selectRow(3, 33, 'only');
    s().selectAllRows();
    expect(selectedRanges(s())).toEqual([[0, MILLION - 1]]);
    expect(selectedRowCount(s())).toBe(MILLION);
    expect(allRowsSelected(s())).toBe(true);
    s().clearSelection();
    expect(selectedRowCount(s())).toBe(0);
    expect(s().selected).toEqual({ index: 3, rid: 33 });
  });

  it('a new snapshot starts afresh: until a selection is made there, the cursor row is the selection', () => {
    s().selectRow(2, null, 'only');
    s().selectRow(9, null, 'extend');
    useStore.setState({ snapshot: { snapshotId: 8, matching: 50, total: MILLION, ms: 1 }, selected: { index: 0, rid: 5 } });
    expect(selectedRanges(s())).toEqual([[0, 0]]);
    s().selectRow(60, null, 'extend'); // clipped to the snapshot
    expect(selectedRanges(s())).toEqual([[0, 49]]);
    // A sign-in picked in the grouped grid has no position: it is the selection by its record id.
    useStore.setState({ snapshot: { snapshotId: 10, matching: 50, total: MILLION, ms: 1 }, selected: { index: -1, rid: 77 } });
    expect(selectedRanges(s())).toEqual([]);
    expect(selectedRowCount(s())).toBe(1);
  });
});

describe('reading the selection back is bounded', () => {
  it('refuses more rows than asked for before fetching anything', async () => {
    useStore.setState({ snapshot: { snapshotId: 9, matching: 1_000_000, total: 1_000_000, ms: 1 }, selected: null, rowSelection: null });
    useStore.getState().selectAllRows();
    // No backend is connected here: reaching the fetch would fail differently.
    await expect(fetchSelectedRows(['status'], MAX_COPY_ROWS, 'copy')).rejects.toBeInstanceOf(SelectionTooLarge);
    await expect(fetchSelectedRows(['status'], MAX_COPY_ROWS, 'copy')).rejects.toThrow('1,000,000 rows are selected; copy at most 100,000 at once.');
    await expect(fetchSelectedRows(['status'], 2_000_000, 'copy')).rejects.toThrow('api() used before connect()');
  });
});

describe('TSV', () => {
  it('has a header line and escapes only what would break rows and fields', () => {
    expect(
      toTsv(
        ['User', 'Reason'],
        [
          ['a\\b', 'x\ty'],
          ['line1\r\nline2', '=cmd()'],
        ],
      ),
    ).toBe('User\tReason\na\\\\b\tx\\ty\nline1\\r\\nline2\t=cmd()\n');
  });
});
