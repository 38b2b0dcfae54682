// Read-only queries: thin, typed by the contract. Components and page caches call these, never the
// client itself, so every call to main goes through renderer/actions.
import type { Channel, Req, Res } from '../../shared/api/contract';
import type { FilterSpec } from '../../shared/model/filter-spec';
import { api } from '../api/client';

const read =
  <C extends Channel>(channel: C) =>
  (req: Req<C>): Promise<Res<C>> =>
    api().call(channel, req);

export const takeSnapshot = read('query.snapshot');
export const fetchPage = read('query.page');
export const findInSnapshot = read('query.find');
export const fetchGroups = read('query.groups');
export const fetchFacets = read('query.facets');
export const fetchAggregate = read('query.aggregate');
export const fetchSessions = read('sessions.list');
export const fetchRecord = read('record.get');
export const fetchFindings = read('detections.findings');

/** Users, IPs and time span of the sign-ins a filter matches (what a pivot starts from). */
export function scopeOf(filter: FilterSpec): Promise<Res<'query.scope'>> {
  return api().call('query.scope', { filter });
}
