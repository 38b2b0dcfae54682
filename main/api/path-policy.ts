// Which files a request may read and where it may write: two separate kinds of grant.
//   - Read grants: evidence files and cases the user picked or dropped (that file only, never its
//     folder), and folders shared on the browser-mode command line (--root, or the folder it started in).
//   - Write grants: output locations the user chose (a folder picked to write into, the browser-mode
//     output folder, the exact file named in a Save dialog, an opened case's own file). A write grant
//     also allows reading there, so a saved case or export can be reopened.
// Below a granted folder, names starting with a dot (.ssh, .git, temp files) are never reachable.
// Everything is compared after realpath, so `..` and symlinks cannot escape a grant. Whether an
// allowed write target may really be written (never evidence, replace only when confirmed) is the
// write-target rule's decision (main/cases/write-target.ts), made where the file is written.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

export interface Grants {
  read?: readonly string[];
  write?: readonly string[];
}

export class PathPolicy {
  private readonly readGrants = new Set<string>();
  private readonly writeGrants = new Set<string>();

  constructor(grants: Grants = {}) {
    for (const p of grants.read ?? []) this.grantRead(p);
    for (const p of grants.write ?? []) this.grantWrite(p);
  }

  grantRead(p: string): void {
    this.readGrants.add(resolveReal(p));
  }

  grantWrite(p: string): void {
    this.writeGrants.add(resolveReal(p));
  }

  /** Every granted location, readable ones first (what the in-app file browser starts from). */
  list(): string[] {
    return [...new Set([...this.readGrants, ...this.writeGrants])];
  }

  writable(): string[] {
    return [...this.writeGrants];
  }

  /** Throws FORBIDDEN unless the path may be read (a read or a write grant covers it). */
  checkRead(p: string): string {
    const abs = path.resolve(p);
    if (!covered(resolveReal(abs), this.list()))
      throw new AppError('FORBIDDEN', `reading ${abs} was not granted (open it through the file dialog, drop it on the window, or name it on the command line)`);
    return abs;
  }

  /** Throws FORBIDDEN unless the file may be created or replaced there (a write grant covers it). */
  checkWrite(p: string): string {
    const abs = path.resolve(p);
    if (!covered(resolveReal(abs), this.writable())) throw new AppError('FORBIDDEN', `writing ${abs} was not granted: write into the output folder or a folder you chose to write into`);
    return abs;
  }
}

/** Is `real` a grant itself, or inside a granted folder without passing through a dot-name? */
function covered(real: string, grants: readonly string[]): boolean {
  for (const grant of grants) {
    if (real === grant) return true;
    const prefix = grant.endsWith(path.sep) ? grant : grant + path.sep;
    if (
      real.startsWith(prefix) &&
      !real
        .slice(prefix.length)
        .split(path.sep)
        .some((part) => part.startsWith('.'))
    )
      return true;
  }
  return false;
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
