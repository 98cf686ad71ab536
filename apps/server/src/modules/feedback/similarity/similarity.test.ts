/** Auto-assignment's decision rule: a score floor, and a margin over the runner-up that shrinks as themes grow. */
import { describe, expect, it } from 'vitest';
import { defaultEmbedder } from '../../../lib/word-vectors/index.ts';
import { AUTO_ASSIGN_MARGIN, AUTO_ASSIGN_MIN, confidentEnough, marginFor, SimilarityIndex, THEME_RULE, type IndexRow } from './similarity.ts';

const match = (similarity: number, runnerUp: number, members: number, runnerUpMembers: number) => ({ similarity, runnerUp, members, runnerUpMembers });

describe('the auto-assignment margin', () => {
  it('is AUTO_ASSIGN_MARGIN for themes of 5 items, smaller when both themes are larger, and stops shrinking at 100 items', () => {
    expect(marginFor(match(0.5, 0.3, 5, 5))).toBeCloseTo(AUTO_ASSIGN_MARGIN, 6);
    expect(marginFor(match(0.5, 0.3, 20, 20))).toBeCloseTo(AUTO_ASSIGN_MARGIN * Math.pow(5 / 20, THEME_RULE.sizePower), 6);
    expect(marginFor(match(0.5, 0.3, 20, 20))).toBeLessThan(AUTO_ASSIGN_MARGIN);
    expect(marginFor(match(0.5, 0.3, 5_000, 5_000))).toBeCloseTo(marginFor(match(0.5, 0.3, 100, 100)), 6);
  });

  it('follows the smaller of the two themes: a large theme beating a young one still needs the young one’s margin', () => {
    expect(marginFor(match(0.5, 0.3, 400, 5))).toBeCloseTo(AUTO_ASSIGN_MARGIN, 6);
    expect(marginFor(match(0.5, 0.3, 5, 400))).toBeCloseTo(AUTO_ASSIGN_MARGIN, 6);
    // With no runner-up, the theme's own size.
    expect(marginFor(match(0.5, 0, 40, 0))).toBeLessThan(AUTO_ASSIGN_MARGIN);
  });

  it('files a text only above the floor and by the margin its themes’ sizes ask for; a fixed margin when the power is 0', () => {
    const close = AUTO_ASSIGN_MARGIN * 0.8;
    expect(confidentEnough(match(0.5, 0.5 - close, 5, 5))).toBe(false);
    expect(confidentEnough(match(0.5, 0.5 - close, 60, 60))).toBe(true);
    expect(confidentEnough(match(AUTO_ASSIGN_MIN - 0.01, 0, 60, 60))).toBe(false);
    expect(confidentEnough(match(0.5, 0.5 - close, 60, 60), { ...THEME_RULE, sizePower: 0 })).toBe(false);
  });
});

describe('closestTheme', () => {
  it('says how many items the closest theme and the runner-up hold', () => {
    const at = new Date();
    const row = (id: string, text: string, themeId: string | null): IndexRow => ({ id, text, themeId, observedAt: at, submittedByUserId: null });
    const fixture = [
      row('1', 'SSO login fails with Okta every morning', 'sso'),
      row('2', 'Okta SSO login keeps failing for admins', 'sso'),
      row('3', 'SSO login failures with Okta since Monday', 'sso'),
      row('4', 'Okta single sign-on broken again', 'sso'),
      row('5', 'Tableau connector times out on large extracts', 'tableau'),
      row('6', 'Tableau connector keeps timing out', 'tableau'),
      row('7', 'Our Tableau dashboards time out through the connector', 'tableau'),
      row('8', 'Invoices should be annual, not monthly', null),
    ];
    const index = SimilarityIndex.build(fixture);
    const m = index.closestTheme('Okta SSO login failed again today', new Set(['sso', 'tableau']));
    expect(m).toMatchObject({ themeId: 'sso', members: 4, runnerUpMembers: 3 });
    expect(m!.similarity).toBeGreaterThan(m!.runnerUp);
    // A theme that is not live does not count, as runner-up either.
    expect(index.closestTheme('Okta SSO login failed again today', new Set(['sso']))).toMatchObject({ runnerUp: 0, runnerUpMembers: 0 });
    // Seven themed items are too few to learn the themes' sentence space (theme-space.ts): scores are as without it.
    const plain = SimilarityIndex.build(fixture, { themeSpace: false });
    expect(plain.closestTheme('Okta SSO login failed again today', new Set(['sso', 'tableau']))).toEqual(m);
  });

  it('scores themes in the themes’ own sentence space once enough items are themed', () => {
    const at = new Date();
    const topics = ['card payment declined at the shop', 'refund for a cancelled order has not arrived', 'cannot log in to the mobile app'];
    const phrasings = ['my {t}', 'why is my {t}?', 'help, {t} again', 'we noticed {t} today', 'a customer says {t}', 'still: {t}', 'urgent — {t}'];
    const rows: IndexRow[] = [];
    for (let i = 0; i < 210; i++) {
      const t = i % topics.length;
      rows.push({ id: String(i), text: phrasings[(i * 5) % phrasings.length]!.replace('{t}', `${topics[t]} (${i})`), themeId: `t${t}`, observedAt: at, submittedByUserId: null });
    }
    const query = 'the app will not let me log in';
    const live = new Set(['t0', 't1', 't2']);
    const themed = SimilarityIndex.build(rows).closestTheme(query, live)!;
    const plain = SimilarityIndex.build(rows, { themeSpace: false }).closestTheme(query, live)!;
    expect(themed.themeId).toBe('t2');
    expect(plain.themeId).toBe('t2');
    // With vectors installed the scores differ (the sentence block is whitened); without, the option changes nothing.
    if (defaultEmbedder()) expect(themed.similarity).not.toBeCloseTo(plain.similarity, 6);
    else expect(themed).toEqual(plain);
  });
});
