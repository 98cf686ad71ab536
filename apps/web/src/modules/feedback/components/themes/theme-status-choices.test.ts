import { describe, expect, it } from 'vitest';
import { audienceText, statusChoices } from './theme-status-panel.tsx';

describe('the status form’s choices', () => {
  it('preselects the next step forward, never a step back; a closed theme preselects nothing', () => {
    expect(statusChoices('new').next).toBe('acknowledged');
    expect(statusChoices('planned').next).toBe('in_progress');
    expect(statusChoices('in_progress').next).toBe('addressed');
    expect(statusChoices('addressed').next).toBeNull();
    expect(statusChoices('wont_address').next).toBeNull();
  });

  it('offers going back apart from the steps forward', () => {
    expect(statusChoices('addressed')).toMatchObject({ forward: ['wont_address'], back: ['new', 'acknowledged', 'planned', 'in_progress'] });
    expect(statusChoices('planned')).toMatchObject({ forward: ['in_progress', 'addressed', 'wont_address'], back: ['new', 'acknowledged'] });
  });

  it('names whom a change tells, by why they hear of it', () => {
    const p = (name: string) => ({ userId: '00000000-0000-4000-8000-000000000000', name });
    expect(audienceText({ reporters: [p('Rae'), p('Sam')], followers: [p('Ada')] })).toBe(
      'Tells 3 people: Rae and Sam (reported items); Ada (follows the theme).',
    );
    expect(audienceText({ reporters: [p('A'), p('B'), p('C'), p('D'), p('E')], followers: [] })).toBe('Tells 5 people: A, B, C and 2 others (reported items).');
    expect(audienceText({ reporters: [], followers: [] })).toMatch(/^Nobody is told/);
  });
});
