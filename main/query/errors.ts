// Errors the query layer throws on purpose. `code` is the API error code the dispatcher reports, so
// a bad column name becomes INVALID_INPUT and an expired snapshot NOT_FOUND (the renderer re-creates it).
import type { ApiErrorCode } from '../../shared/api/contract';

export class QueryError extends Error {
  constructor(
    readonly code: Extract<ApiErrorCode, 'INVALID_INPUT' | 'NOT_FOUND'>,
    message: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

export const invalidInput = (message: string): QueryError => new QueryError('INVALID_INPUT', message);
export const notFound = (message: string): QueryError => new QueryError('NOT_FOUND', message);
