// The workbench store is one zustand store made of slices; each slice file owns one concern.
import type { StateCreator } from 'zustand';
import type { AnnotationSlice } from './annotation-slice';
import type { CaseSlice } from './case-slice';
import type { DetectionSlice } from './detection-slice';
import type { FilterSlice } from './filter-slice';
import type { GridSlice } from './grid-slice';
import type { ImportSlice } from './import-slice';
import type { NoticeSlice } from './notice-slice';
import type { SelectionSlice } from './selection-slice';
import type { UiSlice } from './ui-slice';

export type Store = CaseSlice & FilterSlice & GridSlice & ImportSlice & UiSlice & NoticeSlice & DetectionSlice & AnnotationSlice & SelectionSlice;

export type SliceCreator<S> = StateCreator<Store, [], [], S>;
