import type { Role } from '@tandem/contracts';
import type { Actor } from '../../lib/context.ts';
import { hashPassword } from '../../lib/crypto.ts';
import type { Deps } from '../../lib/deps.ts';
import type { Random } from '../../lib/random.ts';
import { identityRepository } from './auth/identity.repository.ts';
import { createWorkspaceTx } from './members/tenants.service.ts';
import { workspacesRepository } from './members/workspaces.repository.ts';
import { teamsRepository } from './teams/teams.repository.ts';

export const DEMO_PASSWORD = 'tandem-demo-2026';
export const DEMO_SLUG = 'northwind';

interface Person {
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  team?: string;
  lead?: boolean;
  title: string;
}

// Northwind Cloud: a fictional B2B SaaS selling a data platform, with a PMM team
// and two regional sales teams. Later modules add deals, assets and feedback to the same story.
const CAST: Person[] = [
  { name: 'Dana Whitfield', email: 'dana@northwind.example', role: 'admin', timeZone: 'America/New_York', title: 'Chief Revenue Officer' },
  { name: 'Omar Haddad', email: 'omar@northwind.example', role: 'admin', timeZone: 'America/Chicago', title: 'RevOps' },
  { name: 'Priya Raman', email: 'priya@northwind.example', role: 'marketing', timeZone: 'America/Los_Angeles', team: 'Product Marketing', lead: true, title: 'Head of Product Marketing' },
  { name: 'Leo Martins', email: 'leo@northwind.example', role: 'marketing', timeZone: 'America/New_York', team: 'Product Marketing', title: 'Product Marketing Manager' },
  { name: 'Hannah Berg', email: 'hannah@northwind.example', role: 'marketing', timeZone: 'Europe/Berlin', team: 'Product Marketing', title: 'Competitive Intelligence' },
  { name: 'Marcus Reed', email: 'marcus@northwind.example', role: 'sales_lead', timeZone: 'America/Chicago', team: 'North America Sales', lead: true, title: 'Sales Director, North America' },
  { name: 'Elena Petrova', email: 'elena@northwind.example', role: 'sales_lead', timeZone: 'Europe/London', team: 'EMEA Sales', lead: true, title: 'Sales Director, EMEA' },
  { name: 'Sofia Alvarez', email: 'sofia@northwind.example', role: 'sales', timeZone: 'America/Denver', team: 'North America Sales', title: 'Account Executive' },
  { name: 'Jamal Carter', email: 'jamal@northwind.example', role: 'sales', timeZone: 'America/New_York', team: 'North America Sales', title: 'Account Executive' },
  { name: 'Mei Tanaka', email: 'mei@northwind.example', role: 'sales', timeZone: 'America/Los_Angeles', team: 'North America Sales', title: 'Account Executive' },
  { name: 'Tom Gallagher', email: 'tom@northwind.example', role: 'sales', timeZone: 'America/Chicago', team: 'North America Sales', title: 'Account Executive' },
  { name: 'Ravi Iyer', email: 'ravi@northwind.example', role: 'sales', timeZone: 'America/New_York', team: 'North America Sales', title: 'Solutions Engineer' },
  { name: 'Lukas Novak', email: 'lukas@northwind.example', role: 'sales', timeZone: 'Europe/Prague', team: 'EMEA Sales', title: 'Account Executive' },
  { name: 'Aisha Bello', email: 'aisha@northwind.example', role: 'sales', timeZone: 'Europe/London', team: 'EMEA Sales', title: 'Account Executive' },
  { name: 'Chloe Dubois', email: 'chloe@northwind.example', role: 'sales', timeZone: 'Europe/Paris', team: 'EMEA Sales', title: 'Account Executive' },
];

const TEAMS: Record<string, string> = {
  'Product Marketing': 'PMMs: positioning, launches, competitive intelligence, enablement',
  'North America Sales': 'Account executives and solutions engineers for the US and Canada',
  'EMEA Sales': 'Account executives for Europe, the Middle East and Africa',
};

const FIRST = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn', 'Noah', 'Emma', 'Liam', 'Olivia', 'Mateo', 'Zara'];
const LAST = ['Kim', 'Patel', 'Nguyen', 'Schmidt', 'Rossi', 'Okafor', 'Silva', 'Larsen', 'Cohen', 'Murphy', 'Kowalski', 'Haddad', 'Sato', 'Brown'];

/** The demo logins printed at first start: one per role. */
export const DEMO_LOGINS = (['admin', 'marketing', 'sales_lead', 'sales'] as const).map((role) => {
  const p = CAST.find((c) => c.role === role)!;
  return { role, name: p.name, email: p.email, title: p.title, password: DEMO_PASSWORD };
});

export interface DemoWorkspace {
  workspaceId: string;
  slug: string;
  userIdsByEmail: Map<string, string>;
}

/**
 * Seeds the demo workspace's people and teams. `scale` multiplies the sales
 * reps (for benchmarks), inserted in batches so memory stays flat.
 */
export async function seedWorkspacesDemo(deps: Deps, actor: Actor, rnd: Random, scale: number): Promise<DemoWorkspace> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return deps.database.db.transaction(async (tx) => {
    const ws = await createWorkspaceTx(
      deps.audit,
      tx,
      actor,
      { name: 'Northwind Cloud', slug: DEMO_SLUG, baseCurrency: 'USD', fiscalYearStartMonth: 2 },
      null,
    );
    const userIdsByEmail = new Map<string, string>();
    const teamMembers = new Map<string, string[]>();
    const leads = new Map<string, string>();
    const join = async (p: Person) => {
      const existing = await identityRepository.userByEmail(tx, p.email);
      const user = existing ?? (await identityRepository.insertUser(tx, { email: p.email, name: p.name, passwordHash, timeZone: p.timeZone }));
      await workspacesRepository.insertMembership(tx, { workspaceId: ws.id, userId: user.id, role: p.role });
      userIdsByEmail.set(p.email, user.id);
      if (p.team) teamMembers.set(p.team, [...(teamMembers.get(p.team) ?? []), user.id]);
      if (p.team && p.lead) leads.set(p.team, user.id);
    };
    for (const p of CAST) await join(p);
    const extra = Math.max(0, Math.round((scale - 1) * CAST.length));
    const salesTeams = ['North America Sales', 'EMEA Sales'];
    for (let i = 0; i < extra; i++) {
      const name = `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;
      await join({
        name,
        email: `${name.toLowerCase().replace(/\s+/g, '.')}.${i + 1}@northwind.example`,
        role: rnd.next() < 0.08 ? 'sales_lead' : 'sales',
        timeZone: rnd.pick(['America/New_York', 'America/Chicago', 'Europe/London', 'Europe/Berlin']),
        team: rnd.pick(salesTeams),
        title: 'Account Executive',
      });
    }
    for (const [name, description] of Object.entries(TEAMS)) {
      const team = await teamsRepository.insert(tx, { workspaceId: ws.id, name, description, leadUserId: leads.get(name) ?? null });
      await teamsRepository.setMembers(tx, ws.id, team.id, teamMembers.get(name) ?? []);
    }
    await deps.audit(tx, ws.id, actor, { action: 'workspace.demo_seeded', details: { people: userIdsByEmail.size, scale } });
    return { workspaceId: ws.id, slug: ws.slug, userIdsByEmail };
  });
}
