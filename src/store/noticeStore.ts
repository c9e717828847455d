import { create } from 'zustand';

export interface Notice {
  readonly id: number;
  readonly message: string;
  readonly level: 'info' | 'warning' | 'error';
}

interface NoticeState {
  readonly notices: readonly Notice[];
  push(message: string, level?: Notice['level']): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  push: (message, level = 'info') =>
    set((s) => ({ notices: [...s.notices.slice(-4), { id: nextId++, message, level }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
