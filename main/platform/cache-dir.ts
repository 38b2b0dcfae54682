// Where SigninScope keeps what is not the user's: the demo case, recovery journals, the query log.
import os from 'node:os';
import path from 'node:path';

export function cacheDir(): string {
  return process.env.SIGNINSCOPE_CACHE ?? path.join(os.homedir(), '.cache', 'signinscope');
}
