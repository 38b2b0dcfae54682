// An error meant for the API caller, with a contract error code (anything else becomes INTERNAL).
import type { ApiErrorCode } from '../../shared/api/contract';

export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}
