/**
 * The demo's alignment story: three past quarterly pulses in which sales' view of communication, customer feedback
 * and involvement rises as feedback gets acknowledged faster and sales is asked before decisions, while territory
 * and resources stay low; six PMMs so the marketing team clears the minimum group size; the credit story (a model
 * of record, a year of disputes: credit-story.demo.ts); a year of weekly index snapshots computed from the other
 * modules' demo history as it stood each week.
 */
import type { FrictionKey, Role } from '@tandem/contracts';
import type { TenantContext } from '../../lib/context.ts';
import { cliActor } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import type { Random } from '../../lib/random.ts';
import type { AlignmentServices } from './alignment.routes.ts';
import { alignmentRepository as repo } from './alignment.repository.ts';
import { seedCreditStory } from './credit-story.demo.ts';
import { settingsOf } from './pulses.service.ts';

const DAY = 86_400_000;
/** Weekly snapshots computed side by side while seeding (each holds one pooled connection). */
const SNAPSHOTS_AT_ONCE = 4;

/** Three more PMMs: the demo's marketing team of six answers pulses in numbers the minimum group size shows. */
export const DEMO_EXTRA_MARKETING = [
  { name: 'Nora Quinn', email: 'nora@northwind.example' },
  { name: 'Felix Brandt', email: 'felix@northwind.example' },
  { name: 'Ines Duarte', email: 'ines@northwind.example' },
];

/** Each team's mean agreement per friction in the three past pulses. */
const STORY: Record<FrictionKey, { marketing: [number, number, number]; sales: [number, number, number] }> = {
  goals: { marketing: [3.4, 3.8, 4.0], sales: [2.6, 3.0, 3.4] },
  communication: { marketing: [3.6, 3.8, 4.1], sales: [2.2, 2.8, 3.5] },
  timing: { marketing: [3.5, 3.6, 3.7], sales: [2.8, 3.0, 3.2] },
  involvement: { marketing: [3.8, 3.9, 4.0], sales: [2.4, 2.9, 3.3] },
  customer_feedback: { marketing: [3.7, 3.8, 3.9], sales: [2.3, 2.7, 3.1] },
  resources: { marketing: [2.6, 2.7, 2.8], sales: [2.5, 2.5, 2.6] },
  responsibility: { marketing: [3.2, 3.3, 3.4], sales: [3.0, 3.1, 3.2] },
  territory: { marketing: [2.8, 2.7, 2.9], sales: [2.2, 2.3, 2.4] },
};

const COMMENTS = [
  'Faster answers on pricing questions',
  'Pricing battlecards updated every quarter',
  'Tell us what happened to the feedback we log',
  'Ask sales before changing the positioning',
  'More competitive battlecards for the field',
  'Shared pipeline goals with marketing',
  'Clear credit rules for sourced pipeline',
  null,
  null,
  null,
];

interface MemberAdder {
  addMember(ctx: TenantContext, input: { email: string; name: string; role: Role; password: string }): Promise<unknown>;
}

export async function seedAlignmentDemo(
  deps: Deps,
  workspaces: MemberAdder,
  alignment: AlignmentServices,
  ws: { workspaceId: string; slug: string },
  rnd: Random,
  password: string,
  now = new Date(),
) {
  const ctx: TenantContext = { workspaceId: ws.workspaceId, slug: ws.slug, role: 'admin', actor: cliActor('demo seed') };
  for (const p of DEMO_EXTRA_MARKETING) await workspaces.addMember(ctx, { ...p, role: 'marketing', password });
  const { database } = deps;
  const pulses = await database.withTenant(ws.workspaceId, async (tx) => {
    await repo.saveSettings(tx, ws.workspaceId, { cadence: 'quarterly', minGroupSize: 5 });
    const settings = await settingsOf(tx, ws.workspaceId);
    const people = await repo.respondents(tx, ws.workspaceId);
    const marketing = people.filter((p) => p.role === 'marketing');
    const sales = people.filter((p) => p.role !== 'marketing');
    let answers = 0;
    for (const [i, closesDaysAgo] of [250, 160, 70].entries()) {
      const closesAt = new Date(now.getTime() - closesDaysAgo * DAY);
      const pulse = await repo.insertPulse(tx, {
        workspaceId: ws.workspaceId,
        opensAt: new Date(closesAt.getTime() - 7 * DAY),
        closesAt,
        questions: settings.questions,
        freeTextQuestion: settings.freeTextQuestion,
        invitedUserIds: people.map((p) => p.userId),
        invitedAt: new Date(closesAt.getTime() - 7 * DAY),
        remindedAt: new Date(closesAt.getTime() - 2 * DAY),
      });
      const answering = [...marketing.filter(() => rnd.next() < 0.9), ...sales.filter(() => rnd.next() < 0.7)];
      for (const person of answering) {
        const side = person.role === 'marketing' ? 'marketing' : 'sales';
        const values: Record<string, number> = {};
        for (const q of settings.questions) {
          const base = STORY[q.friction][side][i]!;
          values[q.id] = Math.max(1, Math.min(5, Math.round(base + (rnd.next() - 0.5) * 2)));
        }
        await repo.claimParticipation(tx, ws.workspaceId, pulse.id, alignment.pulses.tokenOf(pulse.id, person.userId));
        await repo.insertResponse(tx, { workspaceId: ws.workspaceId, pulseId: pulse.id, side, role: person.role as 'marketing' | 'sales_lead' | 'sales', answers: values, comment: rnd.pick(COMMENTS) });
        answers += 1;
      }
    }
    return { pulses: 3, answers };
  });
  const members = await database.readTenant(ws.workspaceId, (db) => repo.activeMembers(db, ws.workspaceId));
  const admin = members.find((m) => m.role === 'admin');
  const credit = admin ? await seedCreditStory(deps, ws, { admin, reps: members.filter((m) => m.role === 'sales') }, now) : { creditDisputes: 0 };
  // A year of weekly snapshots, each computed from the history as it stood that week. Each is independent (its
  // own reads, its own week's row), so four run at a time: one after another they were over half the demo seed.
  const weeks = Array.from({ length: 53 }, (_, i) => new Date(now.getTime() - (52 - i) * 7 * DAY));
  let snapshots = 0;
  const worker = async () => {
    for (let asOf = weeks.shift(); asOf; asOf = weeks.shift()) {
      await alignment.alignmentIndex.snapshot(ws.workspaceId, ws.slug, asOf);
      snapshots += 1;
    }
  };
  await Promise.all(Array.from({ length: SNAPSHOTS_AT_ONCE }, worker));
  return { alignmentPulses: pulses.pulses, alignmentAnswers: pulses.answers, alignmentSnapshots: snapshots, ...credit, addedPeople: DEMO_EXTRA_MARKETING.length };
}
