// Display names of the users behind some sign-ins (a session, a travel path): what an analyst
// recognises first. Untrusted log text: rendered by React as text only.
import type { Condition } from '../../../shared/model/filter-spec';
import { useApi } from '../../actions/use-api';

export function useDisplayNames(condition: Condition | null): string[] {
  const { data } = useApi('query.facets', condition ? { filter: { conditions: [condition] }, column: 'user_display_name', limit: 3 } : null, ['signins']);
  return (data?.values ?? []).flatMap((v) => (v.value === null || v.value === '' ? [] : [String(v.value)]));
}
