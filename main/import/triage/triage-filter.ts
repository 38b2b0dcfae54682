// What one evidence file's import sees of a triage filter: chunks are screened as they stream past,
// records are let through on their bytes or not, and normalized sign-ins are confirmed. Counts what
// the filter kept and skipped for the manifest.
import type { ImportFilter } from '../../../shared/model/import-filter';
import { ByteScreen } from './byte-screen';
import { matcherOf, type SigninMatcher } from './filter-match';

export interface TriageCounts {
  kept: number;
  /** Records left out by the filter: on their bytes, or after normalizing. */
  skipped: number;
}

export class TriageFilter {
  readonly counts: TriageCounts = { kept: 0, skipped: 0 };
  private readonly screen: ByteScreen;
  /** Whether a normalized sign-in matches, counting nothing: asked wherever the record was parsed. */
  readonly matcher: SigninMatcher;

  constructor(readonly filter: ImportFilter) {
    this.screen = new ByteScreen(filter);
    this.matcher = matcherOf(filter);
  }

  /** Passes the chunks on unchanged, each searched for the filter's needles first. */
  async *watch(chunks: AsyncIterable<Buffer>, format: 'json' | 'csv'): AsyncIterable<Buffer> {
    let base = 0;
    for await (const chunk of chunks) {
      if (this.screen.active) this.screen.scan(chunk, base, format === 'json');
      base += chunk.length;
      yield chunk;
    }
  }

  /** False (and counted as skipped) when the record's bytes cannot hold a match. */
  mayMatch(offset: number, length: number, bytes?: Buffer): boolean {
    if (this.screen.mayMatch(offset, length, bytes)) return true;
    this.counts.skipped++;
    return false;
  }

  /** A record the filter does not apply to (an AuthDetails step: it names no user, IP or app) is kept. */
  keepsUnfiltered(): void {
    this.counts.kept++;
  }

  /** The final word on a sign-in that passed the screen, given the matcher's verdict on it. */
  confirm(matched: boolean): boolean {
    if (matched) this.counts.kept++;
    else this.counts.skipped++;
    return matched;
  }
}
