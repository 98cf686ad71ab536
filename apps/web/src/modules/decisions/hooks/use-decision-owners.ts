import { useAllMembers } from '../../people/index.ts';

/** The people who may own decisions (product marketing and admins), for the log's owner filter. */
export function useDecisionOwners(slug: string) {
  const members = useAllMembers(slug, { activeOnly: true });
  return (members.data ?? []).filter((m) => m.role === 'marketing' || m.role === 'admin').map((m) => ({ value: m.userId, label: m.name }));
}
