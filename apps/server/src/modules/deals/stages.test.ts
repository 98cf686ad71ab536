import { describe, expect, it } from 'vitest';
import { StageResolver, stageKey } from './stages.ts';

describe('StageResolver', () => {
  it('knows the Salesforce standard stages with their default probabilities', () => {
    const r = new StageResolver();
    expect(r.resolve('Prospecting')).toEqual({ category: 'open', probability: 10, known: true });
    expect(r.resolve('Id. Decision Makers')).toEqual({ category: 'open', probability: 60, known: true });
    expect(r.resolve('Proposal/Price Quote')).toEqual({ category: 'open', probability: 75, known: true });
    expect(r.resolve('Negotiation/Review')).toEqual({ category: 'open', probability: 90, known: true });
    expect(r.resolve('Closed Won')).toEqual({ category: 'won', probability: 100, known: true });
    expect(r.resolve('Closed Lost')).toEqual({ category: 'lost', probability: 0, known: true });
  });

  it.each([
    ['appointmentscheduled', 'Appointment Scheduled', 'open'],
    ['qualifiedtobuy', 'Qualified To Buy', 'open'],
    ['presentationscheduled', 'Presentation Scheduled', 'open'],
    ['decisionmakerboughtin', 'Decision Maker Bought-In', 'open'],
    ['contractsent', 'Contract Sent', 'open'],
    ['closedwon', 'Closed Won', 'won'],
    ['closedlost', 'Closed Lost', 'lost'],
  ])('knows HubSpot internal id %s and its label %s as one stage', (id, label, category) => {
    const r = new StageResolver();
    expect(r.resolve(id)).toEqual(r.resolve(label));
    expect(r.resolve(id).category).toBe(category);
  });

  it('ignores case, spacing and punctuation', () => {
    const r = new StageResolver();
    expect(r.resolve('  closed   WON ').category).toBe('won');
    expect(r.resolve('Closed - Lost').category).toBe('lost');
    expect(r.resolve('negotiation / review').probability).toBe(90);
    expect(stageKey('Id. Decision Makers')).toBe('iddecisionmakers');
  });

  it('takes unknown stages as open and reports them with counts, most frequent first', () => {
    const r = new StageResolver();
    expect(r.resolve('Legal Review')).toEqual({ category: 'open', known: false });
    r.resolve('legal review');
    r.resolve('Discovery');
    r.resolve('Closed Won');
    expect(r.unknownStages()).toEqual([
      { stage: 'Legal Review', count: 2 },
      { stage: 'Discovery', count: 1 },
    ]);
  });

  it('consults the file mapping, then the workspace mapping, then the defaults', () => {
    const r = new StageResolver({ 'Won it': 'won', 'Closed Won': 'lost' }, { Dead: 'lost', 'Won it': 'open', Pilot: { category: 'open', probability: 35 } });
    expect(r.resolve('won it')).toEqual({ category: 'won', probability: 100, known: true });
    expect(r.resolve('Closed Won')).toEqual({ category: 'lost', probability: 0, known: true });
    expect(r.resolve('Dead')).toEqual({ category: 'lost', probability: 0, known: true });
    expect(r.resolve('Pilot')).toEqual({ category: 'open', probability: 35, known: true });
    expect(r.resolve('Prospecting').probability).toBe(10);
    expect(r.unknownStages()).toEqual([]);
  });
});
