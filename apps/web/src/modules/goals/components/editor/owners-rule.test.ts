import { describe, expect, test } from 'vitest';
import { ownersProblem } from './owners-rule.ts';

describe('the both-teams rule, said before the server refuses', () => {
  test('one from marketing and one from sales (rep or lead) pass', () => {
    expect(ownersProblem(['marketing', 'sales'])).toBeNull();
    expect(ownersProblem(['marketing', 'sales_lead', 'admin'])).toBeNull();
  });

  test('what is missing is named; an admin counts for neither team', () => {
    expect(ownersProblem(['sales_lead', 'admin'])).toBe('Add an owner from marketing (a PMM): a shared goal needs one from each team. An admin counts for neither team.');
    expect(ownersProblem(['marketing'])).toBe('Add an owner from sales (a rep or a sales lead): a shared goal needs one from each team.');
    expect(ownersProblem([])).toBe('Add an owner from marketing and one from sales (a rep or a sales lead).');
  });
});
