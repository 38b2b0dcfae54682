// Flags a single sign-in raises, decided once per distinct string id: the authentication protocol
// (device code, ROPC, authentication transfer) and "MFA requirement satisfied by claim in the
// token" in its auth steps, MFA result or status details.
import { SESSION_FLAGS, type SessionFlag } from '../../shared/model/session';
import type { CaseDb } from '../db/case-db';
import { NUM, STR } from '../db/row-spec';

const PROTOCOL_FLAGS: Record<string, SessionFlag> = { devicecode: 'deviceCode', ropc: 'ropc', authenticationtransfer: 'authTransfer' };
const bit = (flag: SessionFlag) => 1 << SESSION_FLAGS.indexOf(flag);
export const MFA_BY_CLAIM_TEXT = 'MFA requirement satisfied by claim in the token';

export class RowFlagRules {
  private readonly protocolFlag = new Map<number, SessionFlag>();
  private readonly claimIds: Set<number>;
  private readonly claimRequests: Set<string>;

  constructor(caseDb: CaseDb) {
    const protocols = 'SELECT DISTINCT s.id, s.value FROM signin_data d JOIN strings s ON s.id = d.authentication_protocol_k';
    caseDb.forEach(protocols, [], { id: NUM, value: STR }, ({ id, value }) => {
      const flag = PROTOCOL_FLAGS[value.toLowerCase().replace(/[^a-z]/g, '')];
      if (flag) this.protocolFlag.set(id, flag);
    });
    const like = `%${MFA_BY_CLAIM_TEXT}%`;
    this.claimIds = new Set(caseDb.rows('SELECT id FROM strings WHERE value LIKE ?', [like], { id: NUM }).map((r) => r.id));
    this.claimRequests = new Set(caseDb.rows('SELECT DISTINCT request_id FROM csv_auth_steps WHERE result_detail LIKE ?', [like], { request_id: STR }).map((r) => r.request_id));
  }

  /** Whether flagsOf needs request ids (there are CSV auth steps satisfied by claim). */
  get readsRequestIds(): boolean {
    return this.claimRequests.size > 0;
  }

  /** As bits of SESSION_FLAGS. `stepsK`, `mfaK`, `failureK`: the row's auth steps, MFA result and failure reason (string ids). */
  flagsOf(protocolK: number | null, stepsK: number | null, mfaK: number | null, failureK: number | null, requestId: string | null): number {
    const protocol = protocolK === null ? undefined : this.protocolFlag.get(protocolK);
    const claim = (k: number | null) => k !== null && this.claimIds.has(k);
    const byClaim = claim(stepsK) || claim(mfaK) || claim(failureK) || (requestId !== null && this.claimRequests.has(requestId));
    return (protocol ? bit(protocol) : 0) | (byClaim ? bit('mfaByClaim') : 0);
  }
}
