// The sessions build reads the sign-ins a page (20,000 rows) at a time: a correlation id whose rows
// straddle a page boundary, with equal times (ordered by rid), must still make one whole session.
import { describe, expect, it } from 'vitest';
import { NUM, STR } from '../../../main/db/row-spec';
import { buildSessions } from '../../../main/sessions/build-sessions';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();
const PER_SESSION = 3;
const SESSIONS = 6668; // 20,004 rows: the first page ends after two of session 6666's three rows
const T0 = Date.parse('2025-03-04T08:00:00Z');

describe('sessions build across scan pages', () => {
  it('makes one session per correlation id, with all its rows, and reports progress per page', async () => {
    const records = [];
    for (let s = 0; s < SESSIONS; s++) {
      const correlationId = `corr-${String(s).padStart(5, '0')}`;
      // the same time for all three rows: only the rid orders them
      const createdDateTime = new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');
      for (let i = 0; i < PER_SESSION; i++) records.push(graphSignin({ correlationId, createdDateTime }));
    }
    const { caseDb, summary } = await importIntoNewCase([tmp.write('signins.json', JSON.stringify({ value: records }))]);
    expect(summary.signins).toBe(SESSIONS * PER_SESSION);

    const progress: [number, number][] = [];
    const built = await buildSessions(caseDb, undefined, { onProgress: (done, total) => progress.push([done, total]) });
    expect(built).toMatchObject({ sessions: SESSIONS, signins: SESSIONS * PER_SESSION });
    expect(progress).toEqual([[20_000, SESSIONS * PER_SESSION]]);

    const sessions = caseDb.rows('SELECT correlation_id, rows, session_no FROM sessions ORDER BY session_no', [], { correlation_id: STR, rows: NUM, session_no: NUM });
    expect(sessions).toHaveLength(SESSIONS);
    expect(new Set(sessions.map((s) => s.correlation_id)).size).toBe(SESSIONS);
    expect(sessions.filter((s) => s.rows !== PER_SESSION)).toEqual([]);
    expect(sessions[6666]).toEqual({ correlation_id: 'corr-06666', rows: PER_SESSION, session_no: 6667 });
  }, 120_000);
});
