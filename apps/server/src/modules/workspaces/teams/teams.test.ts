import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';

let h: Harness;
let admin: Client;
let lead: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let pmm: { client: Client; userId: string };
let outsiderId: string;

interface Team {
  id: string;
  name: string;
  description: string | null;
  lead: { userId: string; name: string } | null;
  members: { userId: string; name: string; role: string }[];
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  [lead, rep, pmm] = await Promise.all([
    addMember(h.app, admin, 'acme', 'lena@acme.test', 'sales_lead', 'Lena Lead'),
    addMember(h.app, admin, 'acme', 'ravi@acme.test', 'sales', 'Ravi Rep'),
    addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia PMM'),
  ]);
  // Someone from another workspace: not a member of acme.
  await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Other', slug: 'other' } });
  outsiderId = (await addMember(h.app, admin, 'other', 'olaf@other.test', 'sales', 'Olaf Outsider')).userId;
});
afterAll(async () => h?.close());

const createTeam = (body: object, who = admin) => call(h.app, who, 'POST', '/api/v1/workspaces/acme/teams', { body });
const memberIds = (t: Team) => t.members.map((m) => m.userId).sort();

async function teamsOf(who: Client = admin): Promise<Team[]> {
  const res = await call(h.app, who, 'GET', '/api/v1/workspaces/acme/teams');
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

describe('teams', () => {
  let emea: Team;

  it('are created with a lead, who is automatically a member', async () => {
    const res = await createTeam({ name: 'EMEA Sales', description: 'Europe', leadUserId: lead.userId, memberUserIds: [rep.userId] });
    expect(res.statusCode).toBe(201);
    emea = res.json();
    expect(emea).toMatchObject({ name: 'EMEA Sales', description: 'Europe', lead: { userId: lead.userId, name: 'Lena Lead' } });
    expect(memberIds(emea)).toEqual([lead.userId, rep.userId].sort());
    expect(emea.members.find((m) => m.userId === rep.userId)?.role).toBe('sales');
    expect((await teamsOf()).map((t) => t.name)).toEqual(['EMEA Sales']);
  });

  it('refuses a duplicate name, whatever its case', async () => {
    const res = await createTeam({ name: '  emea SALES ' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('TEAM_NAME_TAKEN');
    expect(await teamsOf()).toHaveLength(1);
  });

  it('refuses people who are not members of the workspace', async () => {
    for (const body of [
      { name: 'Ghosts', memberUserIds: [outsiderId] },
      { name: 'Ghosts', leadUserId: outsiderId },
    ]) {
      const res = await createTeam(body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'TEAM_UNKNOWN_MEMBER' });
      expect(res.json().detail).toContain(outsiderId);
    }
    const upd = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/teams/${emea.id}`, { body: { memberUserIds: [outsiderId] } });
    expect(upd.statusCode).toBe(400);
    expect(upd.json().code).toBe('TEAM_UNKNOWN_MEMBER');
    expect((await teamsOf()).map((t) => t.name)).toEqual(['EMEA Sales']);
    expect(memberIds((await teamsOf())[0]!)).toEqual(memberIds(emea));
  });

  it("show in each member's entry of the member list", async () => {
    const res = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/members');
    const byId = new Map(res.json().items.map((m: { userId: string; teams: { name: string }[] }) => [m.userId, m.teams.map((t) => t.name)]));
    expect(byId.get(lead.userId)).toEqual(['EMEA Sales']);
    expect(byId.get(rep.userId)).toEqual(['EMEA Sales']);
    expect(byId.get(pmm.userId)).toEqual([]);
  });

  it('are renamed and get new members and a new lead', async () => {
    const renamed = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/teams/${emea.id}`, { body: { name: 'Europe Sales', description: null } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Europe Sales', description: null, lead: { userId: lead.userId } });
    expect(memberIds(renamed.json())).toEqual(memberIds(emea));

    const members = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/teams/${emea.id}`, { body: { memberUserIds: [pmm.userId] } });
    expect(members.statusCode).toBe(200);
    // The lead stays on the team.
    expect(memberIds(members.json())).toEqual([lead.userId, pmm.userId].sort());

    const newLead = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/teams/${emea.id}`, { body: { leadUserId: rep.userId } });
    expect(newLead.statusCode).toBe(200);
    expect(newLead.json().lead).toEqual({ userId: rep.userId, name: 'Ravi Rep' });
    expect(memberIds(newLead.json())).toContain(rep.userId);

    const noLead = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/teams/${emea.id}`, { body: { leadUserId: null } });
    expect(noLead.json().lead).toBeNull();

    const [stored] = await teamsOf();
    expect(stored).toMatchObject({ name: 'Europe Sales', lead: null });
    expect(memberIds(stored!)).toEqual(memberIds(noLead.json()));
  });

  it('cannot be renamed to the name of another team', async () => {
    const other = await createTeam({ name: 'Product Marketing', memberUserIds: [pmm.userId] });
    expect(other.statusCode).toBe(201);
    const res = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/teams/${other.json().id}`, { body: { name: 'EUROPE sales' } });
    expect(res.statusCode).toBe(409);
    // Renaming a team to its own name in another case is fine.
    const self = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/teams/${other.json().id}`, { body: { name: 'product marketing' } });
    expect(self.statusCode).toBe(200);
    expect(self.json().name).toBe('product marketing');
  });

  it('are deleted', async () => {
    const del = await call(h.app, admin, 'DELETE', `/api/v1/workspaces/acme/teams/${emea.id}`);
    expect(del.statusCode).toBe(204);
    expect((await teamsOf()).map((t) => t.name)).toEqual(['product marketing']);
    expect((await call(h.app, admin, 'DELETE', `/api/v1/workspaces/acme/teams/${emea.id}`)).statusCode).toBe(404);
    const upd = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/teams/${emea.id}`, { body: { name: 'Zombie' } });
    expect(upd.statusCode).toBe(404);
    expect(upd.json().code).toBe('TEAM_NOT_FOUND');
    const res = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/members', { query: { q: 'ravi' } });
    expect(res.json().items[0].teams).toEqual([]);
  });

  it('are readable by every role; only admins change them', async () => {
    const [team] = await teamsOf();
    for (const who of [lead, rep, pmm]) {
      expect((await teamsOf(who.client)).map((t) => t.id)).toEqual([team!.id]);
      const writes = [
        ['POST', '/api/v1/workspaces/acme/teams', { name: 'Shadow team' }],
        ['PATCH', `/api/v1/workspaces/acme/teams/${team!.id}`, { name: 'Taken over' }],
        ['DELETE', `/api/v1/workspaces/acme/teams/${team!.id}`, undefined],
      ] as const;
      for (const [method, url, body] of writes) {
        const res = await call(h.app, who.client, method, url, { body });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().code).toBe('AUTH_FORBIDDEN');
      }
    }
    expect((await teamsOf()).map((t) => t.name)).toEqual(['product marketing']);
  });
});
