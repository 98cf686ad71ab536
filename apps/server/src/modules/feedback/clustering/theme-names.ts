/**
 * Names a PMM would write for suggested themes ("SSO login failures with Okta"), taken from what the group's texts
 * say: the 2–6 word span that carries most of the group's distinctive words, found in the texts themselves (no
 * part-of-speech model: spans start and end on a content word and never hold a reporting word such as "customer
 * asked"). Texts that are not English get the keyword label instead, which `nameWeakness` calls weak.
 */
import { isStopword } from './tokenize.ts';

/** Words that say how feedback was reported, not what it is about: a name never holds them. */
const FILLERS = new Set(
  ('want wants wanted wanting need needs needed would like instead asked ask asks asking requested said says say told tell tells ' +
    'mentioned mentions reported complained complains wondering wondered noted customer customers client clients prospect prospects ' +
    'buyer buyers rep reps team again still really just also basically apparently actually hi hey hello thanks thank please today ' +
    'yesterday ok okay yes sure maybe guys folks someone somebody anyone they them their he she we our us')
    .split(' '),
);
/** Words that may sit inside a name but not start or end it ("login failures with Okta", not "failures with"). */
const EDGE_QUIET = new Set(
  ('can cannot could would should will must may might able unable not no yet even already ever every else lot lots many much thing ' +
    'things stuff issue issues problem problems new without within via per across toward towards onto upon among beyond despite except')
    .split(' '),
);

/** Common function words of other languages: texts with more of these than English ones are not English. */
const FOREIGN = new Set(
  ('der die das und ist nicht ein eine mit für auf ich wir sie es zu den dem von bei kann keine le la les et est pas un une des du ' +
    'avec pour sur je nous vous il elle ne que qui dans el los las y es no con por para una en lo que se del al ik het een niet ' +
    'van op zijn wij não uma com para os as em do da il lo gli di che non per sono')
    .split(' '),
);
const ENGLISH = new Set('the a an and is are was to of in on for with my i we it not can this that be have has do does from at our you'.split(' '));

/** Verbs that leave a name hanging at its end ("transfer take") or start it off-topic ("made a transaction"). */
const END_QUIET = new Set('take takes taking go goes going come comes coming make makes happen happens happened use using'.split(' '));
const START_QUIET = new Set('made make tried try trying using take takes taking'.split(' '));
const PARTICLES = new Set(['up', 'off', 'out', 'down', 'in']);
const LOG = new Set(['log', 'logg', 'sign', 'check', 'opt']);
const WH = new Set(['how', 'which', 'what', 'whose']);
/** Words that start another clause: a name stops before them ("… but the recipient hasn't"). */
const BREAKS = new Set('but because if when while although though since until unless whereas whether how which what why where who whose'.split(' '));

/** Longest name kept, in words and characters. */
export const NAME_MAX_WORDS = 6;
export const NAME_MAX_CHARS = 60;

interface Token {
  surface: string;
  lower: string;
  stem: string;
}

/** A light suffix stripper: "failures", "failing", "failed" → "fail"; "arrival", "arrived" → "arriv". For matching only. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  for (const suffix of ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ied', 'ures', 'ure', 'als', 'al', 'ed', 'es', 'ly', 's']) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    if (suffix === 's' && /(ss|us|is)$/.test(w)) break;
    if (suffix === 'es' && !/(ss|x|ch|sh|z)es$/.test(w)) continue;
    w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
    break;
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Clauses of a text (split at punctuation), each a list of word tokens with their surface form kept. */
function clauses(text: string): Token[][] {
  return text
    .split(/[.!?;:,()[\]{}"“”«»\n\r\t—–|]+|\s[-/]\s|\s&\s/)
    .map((part) =>
      (part.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?:-[\p{L}\p{N}]+)*/gu) ?? []).map((surface) => {
        const lower = surface.toLowerCase().replace(/’/g, "'");
        return { surface, lower, stem: stem(lower) };
      }),
    )
    .filter((c) => c.length > 0);
}

const isNumber = (w: string) => /^\p{N}+$/u.test(w);
const isQuiet = (w: string) => isStopword(w) || FILLERS.has(w) || EDGE_QUIET.has(w) || isNumber(w) || w.length < 2;
/** A word that says something: not a stopword, filler or number. */
export const isContentWord = (w: string) => !isQuiet(w.toLowerCase());

/** Whether a group's texts read as English (function words and Latin letters); a guess good enough to pick a namer. */
export function looksEnglish(texts: readonly string[]): boolean {
  let en = 0;
  let foreign = 0;
  let latin = 0;
  let letters = 0;
  for (const t of texts) {
    for (const ch of t.matchAll(/\p{L}/gu)) {
      letters++;
      if (/\p{Script=Latin}/u.test(ch[0])) latin++;
    }
    for (const w of t.toLowerCase().match(/\p{L}+/gu) ?? []) {
      if (ENGLISH.has(w)) en++;
      else if (FOREIGN.has(w)) foreign++;
    }
  }
  return letters > 0 && latin / letters >= 0.8 && foreign <= en;
}

/** Lower-case, stemmed form of a name, to tell whether two names say the same. */
export function nameKey(name: string): string {
  return clauses(name)
    .flat()
    .map((t) => t.stem)
    .join(' ');
}

export interface ClusterToName {
  /** Indices (into the texts) of the group's members, most central first. */
  members: readonly number[];
  /** The engine's key phrases: the fallback name, and secondary text beside the name. */
  keyPhrases: readonly string[];
}

export interface ThemeName {
  name: string;
  /** 'phrase': taken from the texts; 'keywords': the keyword label (texts not English, or no phrase found). */
  source: 'phrase' | 'keywords';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The keyword label, as the engine gave it before names: "Api, rate, query". */
export const keywordLabel = (keyPhrases: readonly string[], fallback: string) => capitalise(keyPhrases.length ? keyPhrases.join(', ') : fallback);

/**
 * How much each stem says about a group: the share of its texts holding it minus the share of the other texts
 * holding it (0 when not more common inside).
 */
function distinctive(docs: Set<string>[], members: readonly number[], corpusDf: Map<string, number>): Map<string, number> {
  const inside = new Map<string, number>();
  for (const i of members) for (const s of docs[i]!) inside.set(s, (inside.get(s) ?? 0) + 1);
  const m = members.length;
  const rest = Math.max(1, docs.length - m);
  const w = new Map<string, number>();
  for (const [s, df] of inside) {
    const score = df / m - ((corpusDf.get(s) ?? 0) - df) / rest;
    if (score > 0) w.set(s, score);
  }
  return w;
}

interface Candidate {
  key: string;
  surface: string;
  score: number;
  support: number;
  /** Words in it that say something (a name wants two). */
  content: number;
}

/** Every 2–6 word span of the group's texts that could be a name, scored by the distinctive words it carries. */
function candidates(tokenised: Token[][][], members: readonly number[], weight: Map<string, number>): Candidate[] {
  // A word a quarter as telling as the group's best is noise in its name ("my", "Tuesday", "procurement").
  const noise = Math.max(0.02, 0.25 * Math.max(0, ...weight.values()));
  const byKey = new Map<string, Candidate & { texts: Set<number> }>();
  for (const i of members) {
    for (const clause of tokenised[i]!) {
      for (let a = 0; a < clause.length; a++) {
        // After "how", "which", "what" a word is a question's fragment ("how long", "which countries").
        if (isQuiet(clause[a]!.lower) || START_QUIET.has(clause[a]!.lower) || WH.has(clause[a - 1]?.lower ?? '')) continue;
        for (let b = a + 1; b < Math.min(clause.length, a + NAME_MAX_WORDS); b++) {
          if (FILLERS.has(clause[b]!.lower) || BREAKS.has(clause[b]!.lower)) break;
          // "top up", "log in": the particle ends the name with its verb, never cut off from it.
          const particleEnd = PARTICLES.has(clause[b]!.lower) && !isQuiet(clause[b - 1]!.lower) && (clause[b]!.lower !== 'in' || LOG.has(clause[b - 1]!.stem));
          if ((isQuiet(clause[b]!.lower) || END_QUIET.has(clause[b]!.lower) || /n't$/.test(clause[b]!.lower)) && !particleEnd) continue;
          if (PARTICLES.has(clause[b + 1]?.lower ?? '') && !isQuiet(clause[b]!.lower) && (clause[b + 1]!.lower !== 'in' || LOG.has(clause[b]!.stem))) continue;
          const span = clause.slice(a, b + 1);
          const seen = new Set<string>();
          let score = 0;
          for (const t of span) {
            if (isQuiet(t.lower) || seen.has(t.stem)) continue;
            seen.add(t.stem);
            const w = weight.get(t.stem) ?? 0;
            score += w > noise ? w : -0.05;
          }
          score -= 0.015 * span.length;
          const key = span.map((t) => t.stem).join(' ');
          const c = byKey.get(key);
          if (c) c.texts.add(i);
          else byKey.set(key, { key, surface: span.map((t) => t.surface).join(' '), score, support: 0, content: seen.size, texts: new Set([i]) });
        }
      }
    }
  }
  return [...byKey.values()].map(({ texts, ...c }) => ({ ...c, support: texts.size, score: c.score * (1 + 0.25 * Math.log(texts.size)) }));
}

/**
 * Each word as the group's texts mostly write it away from a sentence's start ("ATM", "Okta", "card"); a SHOUTED
 * name is lowered; the first letter upper case.
 */
function tidy(surface: string, casing: Casing): string {
  const words = surface.split(' ').map((w) => {
    const forms = casing.get(w.toLowerCase());
    if (!forms?.size) return w;
    return [...forms].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0]![0];
  });
  const out = words.join(' ');
  if (out === out.toUpperCase() && /\p{L}{4}/u.test(out)) return capitalise(out.toLowerCase());
  // "dbt", "npm", "iPhone": names that are written in lower case (no vowel to make a word of, or a capital inside).
  const first = words[0]!;
  const lowerBrand = /^\p{Ll}+$/u.test(first) && !/[aeiouy]/.test(first);
  return lowerBrand || /^\p{Ll}+\p{Lu}/u.test(first) ? out : capitalise(out);
}

/** Forms of each word away from a clause's start, with their counts. */
type Casing = Map<string, Map<string, number>>;

function casingOf(tokenised: Token[][][], members: readonly number[]): Casing {
  const casing = new Map<string, Map<string, number>>();
  for (const i of members) {
    for (const clause of tokenised[i]!) {
      clause.forEach((t, pos) => {
        if (pos === 0) return;
        const forms = casing.get(t.lower) ?? new Map<string, number>();
        forms.set(t.surface, (forms.get(t.surface) ?? 0) + 1);
        casing.set(t.lower, forms);
      });
    }
  }
  return casing;
}

/**
 * Names for each group, in order. `taken` holds names already in use (existing themes): a name that says the same
 * as one of them, or as an earlier group's, is passed over for the next best.
 */
export function nameClusters(texts: readonly string[], groups: readonly ClusterToName[], taken: Iterable<string> = []): ThemeName[] {
  const tokenised = texts.map(clauses);
  const docs = tokenised.map((cs) => new Set(cs.flat().filter((t) => !isQuiet(t.lower)).map((t) => t.stem)));
  const corpusDf = new Map<string, number>();
  for (const d of docs) for (const s of d) corpusDf.set(s, (corpusDf.get(s) ?? 0) + 1);
  const used = new Set([...taken].map(nameKey));

  return groups.map((g) => {
    const fallback: ThemeName = { name: keywordLabel(g.keyPhrases, 'unnamed group'), source: 'keywords' };
    if (!g.members.length || !looksEnglish(g.members.map((i) => texts[i]!))) return fallback;
    const weight = distinctive(docs, g.members, corpusDf);
    const list = candidates(tokenised, g.members, weight)
      .filter((c) => c.score > 0)
      .sort((p, q) => q.score - p.score || q.support - p.support || p.key.localeCompare(q.key));
    const first = list.find((c) => !used.has(c.key));
    if (!first) return fallback;
    // One word that says something ("Topping up") is vague: a two-word phrase nearly as telling is the better name.
    const best = first.content >= 2 ? first : (list.find((c) => !used.has(c.key) && c.content >= 2 && c.score >= 0.6 * first.score) ?? first);
    used.add(best.key);
    return { name: tidy(best.surface, casingOf(tokenised, g.members)), source: 'phrase' };
  });
}

// ---- Weak names ------------------------------------------------------------------------------------------------

export type NameWeaknessCode = 'duplicate' | 'keyword-list' | 'too-few-words' | 'too-long';
export interface NameWeakness {
  code: NameWeaknessCode;
  /** A plain sentence for the person accepting the suggestion. */
  message: string;
}

/**
 * Why a proposed name should not be published as it is, or null when it reads well. Weak means: saying the same as
 * an existing theme's name or an earlier suggestion's (`taken`); a list of keywords (commas) rather than a phrase; fewer than
 * two words that say something; or longer than six words / 60 characters.
 */
export function nameWeakness(name: string, taken: { themes?: Iterable<string>; suggestions?: Iterable<string> } = {}): NameWeakness | null {
  const key = nameKey(name);
  for (const other of taken.themes ?? []) {
    if (nameKey(other) === key) return { code: 'duplicate', message: `A theme named “${other}” already exists. Give this one a different name, or discard it and file its items into that theme.` };
  }
  for (const other of taken.suggestions ?? []) {
    if (nameKey(other) === key) return { code: 'duplicate', message: `Another suggestion above is also named “${other}”. Give this one a name that tells them apart.` };
  }
  if (/[,;]/.test(name)) return { code: 'keyword-list', message: 'It is a list of keywords, not a name. Say in a few words what this feedback is about.' };
  const words = clauses(name).flat();
  const content = words.filter((t) => !isQuiet(t.lower));
  if (content.length < 2) return { code: 'too-few-words', message: 'It is too vague: fewer than two words say what the feedback is about.' };
  if (words.length > NAME_MAX_WORDS || name.length > NAME_MAX_CHARS) {
    return { code: 'too-long', message: `It is long (over ${NAME_MAX_WORDS} words or ${NAME_MAX_CHARS} characters). Shorten it to what a rep would scan for.` };
  }
  return null;
}
