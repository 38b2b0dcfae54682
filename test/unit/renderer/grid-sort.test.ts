// The grid's sort keys as the header clicks build them: click sorts by one column (again: reversed),
// Shift-click adds or reverses a key, a full list keeps its most significant keys.
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { MAX_SORT_KEYS, SortSpec } from '../../../shared/model/filter-spec';
import { createGridSlice, type GridSlice } from '../../../renderer/store/grid-slice';
import type { Store } from '../../../renderer/store/types';

let store: StoreApi<GridSlice>;

beforeEach(() => {
  store = createStore<GridSlice>()((set, get, api) => createGridSlice(set as never, get as () => Store, api as never));
});

describe('grid sort keys', () => {
  it('starts newest first; a click sorts by one column, a second click reverses it', () => {
    expect(store.getState().sort).toEqual([{ column: 'created_at', dir: 'desc' }]);
    store.getState().toggleSort('status');
    expect(store.getState().sort).toEqual([{ column: 'status', dir: 'asc' }]);
    store.getState().toggleSort('status');
    expect(store.getState().sort).toEqual([{ column: 'status', dir: 'desc' }]);
  });

  it('Shift-click adds a key, reverses an existing one, and a plain click starts over', () => {
    store.getState().toggleSort('status');
    store.getState().toggleSort('created_at', true);
    store.getState().toggleSort('app_display_name', true);
    expect(store.getState().sort).toEqual([
      { column: 'status', dir: 'asc' },
      { column: 'created_at', dir: 'desc' },
      { column: 'app_display_name', dir: 'asc' },
    ]);
    store.getState().toggleSort('created_at', true);
    expect(store.getState().sort[1]).toEqual({ column: 'created_at', dir: 'asc' });
    store.getState().toggleSort('created_at');
    expect(store.getState().sort).toEqual([{ column: 'created_at', dir: 'desc' }]);
  });

  it('a key added to a full list replaces the least significant one, and the list is a valid SortSpec', () => {
    for (const c of ['status', 'app_display_name', 'country', 'ip_address', 'user_principal_name']) store.getState().toggleSort(c, true);
    const sort = store.getState().sort;
    expect(sort).toHaveLength(MAX_SORT_KEYS);
    expect(sort[0]).toEqual({ column: 'created_at', dir: 'desc' });
    expect(sort[MAX_SORT_KEYS - 1]!.column).toBe('user_principal_name');
    expect(SortSpec.safeParse(sort).success).toBe(true);
    expect(SortSpec.safeParse([...sort, { column: 'city', dir: 'asc' }]).success).toBe(false);
  });

  it('group-by columns are unique and at most three', () => {
    store.getState().setGroupBy(['status', 'status', 'app_display_name', 'country', 'city']);
    expect(store.getState().groupBy).toEqual(['status', 'app_display_name', 'country']);
  });
});
