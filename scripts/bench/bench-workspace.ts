/**
 * The benches' workspace through the API: a first admin (setup) and one sales rep who accepts an invitation;
 * answers both session cookies. `repEmail` names the rep (each bench its own).
 */
export async function benchWorkspace(baseUrl: string, repEmail: string): Promise<{ adminCookie: string; repCookie: string }> {
  const api = `${baseUrl}api/v1`;
  const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const setup = await fetch(`${api}/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada Admin', email: 'ada@bench.test', password: 'correct horse battery', workspaceName: 'Bench', workspaceSlug: 'bench' }),
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const adminCookie = cookieOf(setup);
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const inv = await fetch(`${api}/workspaces/bench/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: adminCookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email: repEmail, role: 'sales' }),
  });
  const token = ((await inv.json()) as { url: string }).url.split('/invite/')[1];
  const acc = await fetch(`${api}/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Rita Rep', password: 'correct horse battery' }),
  });
  if (acc.status !== 200) throw new Error(`accept: ${acc.status} ${await acc.text()}`);
  return { adminCookie, repCookie: cookieOf(acc) };
}
