// Caps that the contract's schemas enforce on every request crossing the IPC/WebSocket boundary.
export const LIMITS = {
  maxText: 4096,
  maxValues: 1000,
  maxRids: 100_000,
  maxPath: 4096,
  maxPaths: 256,
  maxPageRows: 1000,
} as const;
