// The one error type for failures meant for the caller: a code from a fixed list and a message a
// person can act on. It lives outside every transport: the engine, the CLI and the case code throw
// it, and each transport maps it to its wire (main/api/backend.ts turns it into a Result, the engine
// worker into a 'result' message). Anything else thrown is a bug: it reaches the caller as INTERNAL
// with its message, and its stack goes to the query log (main/platform/query-log.ts), never the UI.

/** EXISTS: the target file exists; the request may be repeated with `overwrite: true` once the user confirmed. */
export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'EXISTS' | 'BUSY' | 'CANCELLED' | 'IO' | 'TIMEOUT' | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The code and message a caller sees for anything thrown. */
export function errorOf(e: unknown): { code: ErrorCode; message: string } {
  return { code: e instanceof AppError ? e.code : 'INTERNAL', message: messageOf(e) };
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
