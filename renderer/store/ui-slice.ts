import { loadPref, savePref } from './prefs';
import type { SliceCreator } from './types';

export type TimeMode = 'utc' | 'local';
export type ViewId = 'signins' | 'overview' | 'evidence' | 'sessions' | 'map' | 'detections' | 'annotations';
export type DetailsTab = 'basic' | 'location' | 'device' | 'auth' | 'ca' | 'reportOnly' | 'raw';

export interface UiSlice {
  timeMode: TimeMode;
  view: ViewId;
  timelineMode: 'histogram' | 'swimlanes';
  timelineOpen: boolean;
  detailsTab: DetailsTab;
  openDialog: boolean;
  saveDialog: boolean;
  setTimeMode(mode: TimeMode): void;
  setView(view: ViewId): void;
  setTimelineMode(mode: UiSlice['timelineMode']): void;
  toggleTimeline(): void;
  setDetailsTab(tab: DetailsTab): void;
  setOpenDialog(open: boolean): void;
  setSaveDialog(open: boolean): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  timeMode: loadPref<TimeMode>('timeMode', 'utc'),
  view: 'signins',
  timelineMode: 'histogram',
  timelineOpen: loadPref('timelineOpen', true),
  detailsTab: 'basic',
  openDialog: false,
  saveDialog: false,
  setTimeMode: (timeMode) => {
    set({ timeMode });
    savePref('timeMode', timeMode);
  },
  setView: (view) => set({ view }),
  setTimelineMode: (timelineMode) => set({ timelineMode }),
  toggleTimeline: () =>
    set((s) => {
      savePref('timelineOpen', !s.timelineOpen);
      return { timelineOpen: !s.timelineOpen };
    }),
  setDetailsTab: (detailsTab) => set({ detailsTab }),
  setOpenDialog: (openDialog) => set({ openDialog }),
  setSaveDialog: (saveDialog) => set({ saveDialog }),
});
