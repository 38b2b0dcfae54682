// The workbench store is one zustand store made of slices; each slice file owns one concern and
// writes only its own state. Changes that span slices are renderer/actions/*.
import type { StateCreator } from 'zustand';
import type { CaseSlice } from './case-slice';
import type { DetectionSlice } from './detection-slice';
import type { FilterSlice } from './filter-slice';
import type { GridSlice } from './grid-slice';
import type { JobSlice } from './job-slice';
import type { NoticeSlice } from './notice-slice';
import type { SelectionSlice } from './selection-slice';
import type { UiSlice } from './ui-slice';

export type Store = CaseSlice & FilterSlice & GridSlice & JobSlice & UiSlice & NoticeSlice & DetectionSlice & SelectionSlice;

export type SliceCreator<S> = StateCreator<Store, [], [], S>;
