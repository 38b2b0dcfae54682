import type { SliceCreator } from './types';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface NoticeSlice {
  notices: Notice[];
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export const createNoticeSlice: SliceCreator<NoticeSlice> = (set) => ({
  notices: [],
  notify: (kind, text) => set((s) => ({ notices: [...s.notices.slice(-3), { id: nextNoticeId++, kind, text }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
