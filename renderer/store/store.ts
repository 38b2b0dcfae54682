import { create } from 'zustand';
import { createAnnotationSlice } from './annotation-slice';
import { createCaseSlice } from './case-slice';
import { createDetectionSlice } from './detection-slice';
import { createFilterSlice } from './filter-slice';
import { createGridSlice } from './grid-slice';
import { createImportSlice } from './import-slice';
import { createNoticeSlice } from './notice-slice';
import { createSelectionSlice } from './selection-slice';
import type { Store } from './types';
import { createUiSlice } from './ui-slice';

export const useStore = create<Store>()((...a) => ({
  ...createCaseSlice(...a),
  ...createFilterSlice(...a),
  ...createGridSlice(...a),
  ...createImportSlice(...a),
  ...createUiSlice(...a),
  ...createNoticeSlice(...a),
  ...createDetectionSlice(...a),
  ...createAnnotationSlice(...a),
  ...createSelectionSlice(...a),
}));
