// Which files a request may read or write. Electron grants paths picked in native dialogs (or
// dropped on the window); browser mode grants the files and folders named on its command line.
// Everything is compared after realpath, so `..` and symlinks cannot escape a root.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ApiFailure } from './api-failure';

export class PathPolicy {
  private readonly roots = new Set<string>();

  constructor(roots: readonly string[] = []) {
    for (const r of roots) this.grant(r);
  }

  grant(p: string): void {
    this.roots.add(resolveReal(p));
  }

  list(): string[] {
    return [...this.roots];
  }

  allows(p: string): boolean {
    const real = resolveReal(p);
    for (const root of this.roots) {
      if (real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) return true;
    }
    return false;
  }

  /** Throws FORBIDDEN unless the path (or, for a file to be created, its folder) is granted. */
  check(p: string, opts: { forWriting?: boolean } = {}): string {
    const abs = path.resolve(p);
    const subject = opts.forWriting && !exists(abs) ? path.dirname(abs) : abs;
    if (!this.allows(subject)) throw new ApiFailure('FORBIDDEN', `access to ${abs} was not granted (open it through the file dialog or name it on the command line)`);
    return abs;
  }
}

function exists(p: string): boolean {
  try {
    realpathSync(p);
    return true;
  } catch {
    return false;
  }
}

function resolveReal(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    // not there (yet): resolve the existing parent so a later file inside it still matches
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(resolveReal(parent), path.basename(abs));
  }
}
