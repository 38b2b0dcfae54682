// The workbench store is one zustand store made of slices; each slice file owns one concern.
import type { StateCreator } from 'zustand';
import type { CaseSlice } from './case-slice';
import type { FilterSlice } from './filter-slice';
import type { GridSlice } from './grid-slice';
import type { ImportSlice } from './import-slice';
import type { NoticeSlice } from './notice-slice';
import type { UiSlice } from './ui-slice';

export type Store = CaseSlice & FilterSlice & GridSlice & ImportSlice & UiSlice & NoticeSlice;

export type SliceCreator<S> = StateCreator<Store, [], [], S>;
