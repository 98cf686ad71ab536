import { describe, expect, it } from 'vitest';
import { DEFAULT_PULSE_QUESTIONS, type PulseRole } from '@tandem/contracts';
import { commentTerms, disclose, effectiveMinimum, type Respondent } from './anonymity.ts';
import { pulseFigures, type Answer } from './pulse-results.ts';

const people = (marketing: number, leads: number, reps: number): Respondent[] => [
  ...Array.from({ length: marketing }, () => ({ side: 'marketing' as const, role: 'marketing' as const })),
  ...Array.from({ length: leads }, () => ({ side: 'sales' as const, role: 'sales_lead' as const })),
  ...Array.from({ length: reps }, () => ({ side: 'sales' as const, role: 'sales' as const })),
];
const answered = (rs: Respondent[], value = 4, comment: string | null = null): Answer[] =>
  rs.map((r) => ({ ...r, answers: Object.fromEntries(DEFAULT_PULSE_QUESTIONS.map((q) => [q.id, value])), comment }));

describe('anonymity: which groups may be shown', () => {
  it('a group of 4 shows nothing; 5 shows', () => {
    expect(disclose('marketing', people(4, 0, 6), 5).shown).toBe(false);
    expect(disclose('marketing', people(5, 0, 6), 5)).toEqual({ shown: true, n: 5 });
  });

  it('two filters whose difference is one person show nothing: 5 reps inside a sales team of 6', () => {
    const rs = people(6, 1, 5);
    expect(disclose('sales', rs, 5)).toEqual({ shown: true, n: 6 });
    // Reps alone are 5, but sales minus reps would be the one lead: refused, and the lead alone too.
    expect(disclose('sales_rep', rs, 5).shown).toBe(false);
    expect(disclose('sales_lead', rs, 5).shown).toBe(false);
  });

  it('a role is shown only when it and the rest of its team both reach the minimum', () => {
    expect(disclose('sales_rep', people(6, 5, 5), 5)).toEqual({ shown: true, n: 5 });
    expect(disclose('sales_lead', people(6, 5, 5), 5)).toEqual({ shown: true, n: 5 });
    // No leads answered at all: reps are the whole team, so the difference is empty, not one person.
    expect(disclose('sales_rep', people(6, 0, 5), 5)).toEqual({ shown: true, n: 5 });
    // The team itself under the minimum hides its roles too.
    expect(disclose('sales_rep', people(6, 0, 4), 5).shown).toBe(false);
  });

  it('the minimum is configurable but never below 3', () => {
    expect(effectiveMinimum(2)).toBe(3);
    expect(effectiveMinimum(7)).toBe(7);
    expect(effectiveMinimum(null)).toBe(5);
    expect(disclose('marketing', people(3, 0, 0), effectiveMinimum(1)).shown).toBe(true);
    expect(disclose('marketing', people(2, 0, 0), effectiveMinimum(1)).shown).toBe(false);
  });
});

describe('anonymity: trying to identify a respondent', () => {
  const k = 5;
  it('through filters: every role view of a 6-person team with one lead hides the figures that would differ by one', () => {
    const all = [...answered(people(6, 0, 0), 3), ...answered(people(0, 0, 5), 2), ...answered(people(0, 1, 0), 5)];
    const views = (['marketing', 'sales_lead', 'sales', undefined] as (PulseRole | undefined)[]).map((role) => pulseFigures(all, DEFAULT_PULSE_QUESTIONS, k, role ?? null));
    const salesMeans = views.flatMap((v) => (v.sales.shown ? [v.sales.frictions[0]!.mean] : []));
    // Only the whole sales team is ever shown (one mean): the lead's 5 cannot be recovered by subtraction.
    expect(salesMeans).toEqual([2.5]);
    expect(views.find((v) => v.sales.respondents === 5)).toBeUndefined();
  });

  it('through the perception gap: no gap when one team is too small', () => {
    const f = pulseFigures([...answered(people(4, 0, 0), 5), ...answered(people(0, 2, 6), 2)], DEFAULT_PULSE_QUESTIONS, k, null);
    expect(f.marketing.shown).toBe(false);
    expect(f.marketing.frictions.every((x) => x.mean === null && x.distribution === null)).toBe(true);
    expect(f.frictions.every((x) => x.gap === null && x.marketing === null)).toBe(true);
    expect(f.sales.shown).toBe(true);
  });

  it('through free text: a phrase one person wrote never appears, and a small group shows no text', () => {
    const rs = answered(people(5, 0, 0));
    rs[0]!.comment = 'Pricing calculator please, Zorblax deal';
    rs[1]!.comment = 'pricing battlecards';
    rs[2]!.comment = 'More pricing help';
    const f = pulseFigures(rs, DEFAULT_PULSE_QUESTIONS, k, null);
    expect(f.marketing.comments).toEqual([{ term: 'pricing', respondents: 3 }]);
    const small = pulseFigures(rs.slice(0, 4), DEFAULT_PULSE_QUESTIONS, k, null);
    expect(small.marketing.comments).toBeNull();
    expect(commentTerms(['zorblax', 'other'], 2)).toEqual([]);
  });
});

describe('results arithmetic', () => {
  it('mean and distribution per friction count every answer to each statement', () => {
    const rs = [...answered(people(3, 0, 0), 5), ...answered(people(2, 0, 0), 2)];
    const f = pulseFigures(rs, DEFAULT_PULSE_QUESTIONS, 5, null);
    const goals = f.marketing.frictions.find((x) => x.key === 'goals')!;
    // Two statements × (3 at 5 + 2 at 2).
    expect(goals.distribution).toEqual([0, 4, 0, 0, 6]);
    expect(goals.mean).toBe(3.8);
  });
});
