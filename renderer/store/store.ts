import { create } from 'zustand';
import { createCaseSlice } from './case-slice';
import { createDetectionSlice } from './detection-slice';
import { createFilterSlice } from './filter-slice';
import { createGridSlice } from './grid-slice';
import { createJobSlice } from './job-slice';
import { createNoticeSlice } from './notice-slice';
import { createSelectionSlice } from './selection-slice';
import type { Store } from './types';
import { createUiSlice } from './ui-slice';

export const useStore = create<Store>()((...a) => ({
  ...createCaseSlice(...a),
  ...createFilterSlice(...a),
  ...createGridSlice(...a),
  ...createJobSlice(...a),
  ...createUiSlice(...a),
  ...createNoticeSlice(...a),
  ...createDetectionSlice(...a),
  ...createSelectionSlice(...a),
}));
