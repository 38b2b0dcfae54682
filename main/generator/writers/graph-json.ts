/**
 * Microsoft Graph `GET auditLogs/signIns` response pages written back to back
 * in one file: {"@odata.context":...,"value":[...],"@odata.nextLink":...}.
 * The v1.0 flavour keeps only the classic v1.0 properties (no
 * signInEventTypes, userAgent, authenticationDetails, ...).
 */
import { hash32 } from '../prng';
import { BaseWriter, type WriterOptions } from './record-writer';
import type { GeneratedSignIn, SignIn } from '../types';

export type GraphFlavour = 'beta' | 'v1.0';

const V1_FIELDS = [
  'id',
  'createdDateTime',
  'userDisplayName',
  'userPrincipalName',
  'userId',
  'appId',
  'appDisplayName',
  'ipAddress',
  'clientAppUsed',
  'correlationId',
  'conditionalAccessStatus',
  'isInteractive',
  'riskDetail',
  'riskLevelAggregated',
  'riskLevelDuringSignIn',
  'riskState',
  'riskEventTypes',
  'riskEventTypes_v2',
  'resourceDisplayName',
  'resourceId',
  'status',
  'deviceDetail',
  'location',
  'appliedConditionalAccessPolicies',
] as const satisfies readonly (keyof SignIn)[];

/** Project a beta signIn onto the v1.0 schema. */
export function toV1(s: SignIn): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of V1_FIELDS) out[k] = s[k];
  out.appliedConditionalAccessPolicies = s.appliedConditionalAccessPolicies.map((p) => ({
    id: p.id,
    displayName: p.displayName,
    enforcedGrantControls: p.enforcedGrantControls,
    enforcedSessionControls: p.enforcedSessionControls,
    result: p.result,
  }));
  return out;
}

export class GraphJsonWriter extends BaseWriter {
  private readonly pageSize: number;
  private page = 0;
  private inPage = 0;
  private lastId = '';

  constructor(
    path: string,
    private readonly flavour: GraphFlavour,
    options: WriterOptions = {},
  ) {
    super(path, options);
    this.pageSize = options.pageSize ?? 1000;
  }

  private header(): string {
    return `{"@odata.context":"https://graph.microsoft.com/${this.flavour}/$metadata#auditLogs/signIns","value":[`;
  }

  protected emit(record: GeneratedSignIn): Promise<void> | undefined {
    const body = JSON.stringify(this.flavour === 'beta' ? record.signIn : toV1(record.signIn));
    let prefix = ',';
    if (this.count === 0) prefix = this.header();
    else if (this.inPage === this.pageSize) {
      // Only now do we know another page follows, so the nextLink goes here.
      const token = (hash32(`${this.lastId}|${this.page}`).toString(16) + hash32(this.lastId).toString(16)).padStart(16, '0');
      prefix = `],"@odata.nextLink":"https://graph.microsoft.com/${this.flavour}/auditLogs/signIns?$top=${this.pageSize}&$skiptoken=${token}"}\n${this.header()}`;
      this.page++;
      this.inPage = 0;
    }
    this.inPage++;
    this.lastId = record.signIn.id;
    return this.sink.write(prefix + body);
  }

  protected override finish(): Promise<void> | undefined {
    return this.sink.write(this.count === 0 ? `${this.header()}]}\n` : ']}\n');
  }
}
