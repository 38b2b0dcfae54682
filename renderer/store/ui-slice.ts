import { isValidTimeZone } from '../../shared/model/time-zone';
import { loadPref, savePref } from './prefs';
import type { SliceCreator } from './types';

/** `utc`, `local` (this machine's zone) or an IANA zone name set for the case. */
export type TimeMode = 'utc' | 'local' | (string & {});
export type ViewId = 'signins' | 'overview' | 'evidence' | 'sessions' | 'map' | 'detections' | 'annotations';
export type DetailsTab = 'basic' | 'location' | 'device' | 'auth' | 'ca' | 'reportOnly' | 'raw';

export interface UiSlice {
  timeMode: TimeMode;
  /** The colour theme in effect (renderer/app/theme.ts); canvases redraw when it changes. */
  theme: 'light' | 'dark';
  view: ViewId;
  timelineMode: 'histogram' | 'swimlanes';
  timelineOpen: boolean;
  detailsTab: DetailsTab;
  openDialog: boolean;
  saveDialog: boolean;
  setTimeMode(mode: TimeMode): void;
  setTheme(theme: 'light' | 'dark'): void;
  setView(view: ViewId): void;
  setTimelineMode(mode: UiSlice['timelineMode']): void;
  toggleTimeline(): void;
  setDetailsTab(tab: DetailsTab): void;
  setOpenDialog(open: boolean): void;
  setSaveDialog(open: boolean): void;
}

/** The zone last chosen on this machine: the default for a case that has none set. */
export function defaultTimeMode(): TimeMode {
  const mode = loadPref<unknown>('timeMode', 'utc');
  return typeof mode === 'string' && isValidTimeZone(mode) ? mode : 'utc';
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  timeMode: defaultTimeMode(),
  theme: 'dark',
  view: 'signins',
  timelineMode: 'histogram',
  timelineOpen: loadPref('timelineOpen', true),
  detailsTab: 'basic',
  openDialog: false,
  saveDialog: false,
  setTimeMode: (timeMode) => set({ timeMode }),
  setTheme: (theme) => set({ theme }),
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
