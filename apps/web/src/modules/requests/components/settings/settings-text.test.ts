import { describe, expect, it } from 'vitest';
import { weightsPreview, workingWeekSentence } from './settings-text.ts';

describe('settings text', () => {
  it('says what the weights mean for the score', () => {
    expect(weightsPreview({ pipeline: 0.4, urgency: 0.3, reach: 0.2, strategic: 0.1 })).toBe(
      'Score = 0.4 × pipeline at stake + 0.3 × urgency + 0.2 × reach + 0.1 × strategic boost. Each part is scored 0–100, so the best possible score is 100; what decides it: pipeline at stake 40%, urgency 30%, reach 20%, strategic boost 10%. A request that maxes out pipeline at stake and nothing else scores 40.',
    );
    expect(weightsPreview({ pipeline: 2, urgency: 2, reach: 0, strategic: 0 })).toBe(
      'Score = 2 × pipeline at stake + 2 × urgency + 0 × reach + 0 × strategic boost. Each part is scored 0–100, so the best possible score is 400; what decides it: pipeline at stake 50%, urgency 50%. Reach and strategic boost do not count. A request that maxes out pipeline at stake and nothing else scores 200.',
    );
    expect(weightsPreview({ pipeline: 0, urgency: 0, reach: 0, strategic: 0 })).toMatch(/^With every weight at 0/);
  });

  it('has nothing to say while a weight is not a number', () => {
    expect(weightsPreview({ pipeline: '', urgency: 0.3, reach: 0.2, strategic: 0.1 })).toBeNull();
    expect(weightsPreview({ pipeline: 'abc', urgency: 0.3, reach: 0.2, strategic: 0.1 })).toBeNull();
    expect(weightsPreview({ pipeline: -1, urgency: 0.3, reach: 0.2, strategic: 0.1 })).toBeNull();
  });

  it('describes the working week', () => {
    expect(workingWeekSentence([1, 2, 3, 4, 5], '09:00', '17:00')).toBe('Monday to Friday, 09:00–17:00 (8 business hours a day)');
    expect(workingWeekSentence([5, 1, 3], '08:30', '12:00')).toBe('Monday, Wednesday and Friday, 08:30–12:00 (3.5 business hours a day)');
    expect(workingWeekSentence([7], '10:00', '11:00')).toBe('Sunday, 10:00–11:00 (1 business hour a day)');
    expect(workingWeekSentence([], '17:00', '09:00')).toBe('No working day, 17:00–09:00');
  });
});
