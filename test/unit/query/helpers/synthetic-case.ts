// A large synthetic case written straight into `signin_data` (no evidence files): for measuring the
// query layer at 1M+ rows before the generator exists. Values are skewed like real tenants (a few
// busy users and apps, many rare IPs).
import { CaseDb } from '../../../../main/db/case-db';
import { STORED_COLUMNS } from '../../../../main/db/schema';

const STATUS_CODES = [0, 0, 0, 0, 0, 0, 0, 50126, 50074, 50140, 53003, 50053, 500121, 70043];
const APPS = Array.from({ length: 120 }, (_, i) => `App ${String(i).padStart(3, '0')} ${['Portal', 'Teams', 'Outlook', 'Graph'][i % 4]}`);
const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'NL', 'IN', 'BR', 'JP', 'CN', 'RU', 'NG', 'CA', 'AU', 'ES', 'IT'];

/** Deterministic xorshift PRNG: the same seed always builds the same case. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

export async function buildSyntheticCase(rows: number, seed = 7): Promise<CaseDb> {
  const caseDb = await CaseDb.create();
  const rnd = prng(seed);
  const skew = (n: number) => Math.floor(n * rnd() * rnd()); // favours low indexes
  const users = Math.max(50, Math.floor(rows / 200));
  const ips = Math.max(100, Math.floor(rows / 30));
  const colIndex = new Map(STORED_COLUMNS.map((c, i) => [c, i]));
  const set = (row: (string | number | null)[], col: string, v: string | number | null) => (row[colIndex.get(col)!] = v);
  const s = (v: string) => caseDb.strings.intern(v);
  const insert = caseDb.prepareWrite(`INSERT INTO signin_data (${STORED_COLUMNS.join(',')}) VALUES (${STORED_COLUMNS.map(() => '?').join(',')})`);
  const start = Date.UTC(2025, 0, 1);
  caseDb.exec('BEGIN');
  for (let i = 0; i < rows; i++) {
    const row: (string | number | null)[] = new Array(STORED_COLUMNS.length).fill(null);
    const user = skew(users);
    const code = STATUS_CODES[Math.floor(rnd() * STATUS_CODES.length)]!;
    const ipNo = skew(ips);
    const ip = ipNo % 7 === 0 ? `2001:db8:${(ipNo % 4096).toString(16)}::${ipNo.toString(16)}` : `${10 + (ipNo % 200)}.${(ipNo >> 8) % 256}.${ipNo % 256}.${(ipNo >> 3) % 250}`;
    set(row, 'created_ms', start + Math.floor(rnd() * 30 * 86_400_000));
    set(row, 'id', `req-${i.toString(16).padStart(8, '0')}`);
    set(row, 'correlation_id', `corr-${Math.floor(i / 3)}`);
    set(row, 'user_principal_name_k', s(`user${user}@contoso.com`));
    set(row, 'user_display_name_k', s(`User ${user}`));
    set(row, 'app_display_name_k', s(APPS[skew(APPS.length)]!));
    set(row, 'ip_address_k', s(ip));
    set(row, 'country_k', s(COUNTRIES[skew(COUNTRIES.length)]!));
    set(row, 'status_code', code);
    set(row, 'status_k', s(code === 0 ? 'Success' : code === 50074 || code === 50140 ? 'Interrupted' : 'Failure'));
    set(row, 'sign_in_type_k', s(rnd() < 0.3 ? 'interactiveUser' : 'nonInteractiveUser'));
    set(row, 'user_agent_k', s(`Mozilla/5.0 agent ${skew(300)}`));
    set(row, 'is_compliant', rnd() < 0.5 ? 1 : 0);
    set(row, 'source_id', 1);
    insert.run(row);
    if (i % 50_000 === 49_999) caseDb.exec('COMMIT; BEGIN');
  }
  caseDb.exec('COMMIT');
  insert.free();
  caseDb.buildIndexes();
  return caseDb;
}
