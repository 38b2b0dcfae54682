// Errors the query layer throws on purpose. They are API failures with the contract's code, so a
// bad column name reaches the caller as INVALID_INPUT and an expired snapshot as NOT_FOUND (the
// renderer then re-creates it); anything else thrown here is a bug and becomes INTERNAL.
import { AppError } from '../../shared/errors';

export class QueryError extends AppError {
  constructor(code: 'INVALID_INPUT' | 'NOT_FOUND', message: string) {
    super(code, message);
    this.name = 'QueryError';
  }
}

export const invalidInput = (message: string): QueryError => new QueryError('INVALID_INPUT', message);
export const notFound = (message: string): QueryError => new QueryError('NOT_FOUND', message);
