import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonDataExport } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/people';
import { call } from '../../../app/api/client.ts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { peopleKeys } from './people.keys.ts';

/** "Ravi Rep" on 2026-12-07 in globex → "globex-ravi-rep-2026-12-07.json". */
export function personDataFileName(slug: string, name: string, at: string): string {
  const base = `${slug}-${name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${base || 'person'}-${at.slice(0, 10)}.json`;
}

function downloadJson(fileName: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Everything Tandem holds about a person in this workspace, handed to the browser as a JSON file. */
export function useExportPerson(slug: string) {
  return useMutation({
    mutationFn: async (userId: string): Promise<PersonDataExport & { fileName: string }> => {
      const data = await call(api.exportPerson, { params: { workspace: slug, userId } });
      const fileName = personDataFileName(slug, data.person.name, data.exportedAt);
      downloadJson(fileName, data);
      return { ...data, fileName };
    },
  });
}

/** Erases a person everywhere; the member lists and teams then show the placeholder. */
export function useErasePerson(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, email }: { userId: string; email: string }) =>
      call(api.erasePerson, { params: { workspace: slug, userId }, body: { email } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.members(slug) });
      await queryClient.invalidateQueries({ queryKey: wsKey(slug, 'teams') });
    },
  });
}
