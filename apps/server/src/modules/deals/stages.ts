/**
 * Stage name → category (open / won / lost) and default probability. The
 * Salesforce standard stages and HubSpot's default pipeline (labels and internal
 * ids) are known out of the box; a file's own mapping and the workspace's
 * mapping come first. Unknown stages are kept as open and counted for the report.
 */

export type StageCategory = 'open' | 'won' | 'lost';
export const STAGE_CATEGORIES: readonly StageCategory[] = ['open', 'won', 'lost'];

export interface StageMapping {
  category: StageCategory;
  /** Percent, 0–100; absent when the mapping names none (the file's own probability column may still give one). */
  probability?: number;
}

export interface ResolvedStage extends StageMapping {
  /** False when no mapping knew the stage: it was taken as open. */
  known: boolean;
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/** Keys of the stage names seen lately: an import asks for the same few stages on every row. Cleared when full. */
const KEYS = new Map<string, string>();
const MAX_KEYS = 10_000;

/**
 * Lookup key: case, spacing and punctuation do not matter, so "Closed Won",
 * "closed won", "Closed-Won" and HubSpot's internal id "closedwon" are one stage.
 */
export function stageKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    key = name.normalize('NFKC').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    KEYS.set(name, key);
  }
  return key;
}

const DEFAULTS: readonly (readonly [string, StageCategory, number])[] = [
  // Salesforce standard opportunity stages, with Salesforce's default probabilities.
  ['Prospecting', 'open', 10],
  ['Qualification', 'open', 10],
  ['Needs Analysis', 'open', 20],
  ['Value Proposition', 'open', 50],
  ['Id. Decision Makers', 'open', 60],
  ['Perception Analysis', 'open', 70],
  ['Proposal/Price Quote', 'open', 75],
  ['Negotiation/Review', 'open', 90],
  ['Closed Won', 'won', 100],
  ['Closed Lost', 'lost', 0],
  // HubSpot's default sales pipeline; each label's key is also its internal id ("Appointment Scheduled" → appointmentscheduled).
  ['Appointment Scheduled', 'open', 20],
  ['Qualified To Buy', 'open', 40],
  ['Presentation Scheduled', 'open', 60],
  ['Decision Maker Bought-In', 'open', 80],
  ['Contract Sent', 'open', 90],
  // Plain words any CRM or spreadsheet uses.
  ['Won', 'won', 100],
  ['Lost', 'lost', 0],
];

export const DEFAULT_STAGES: ReadonlyMap<string, StageMapping & { label: string }> = new Map(
  DEFAULTS.map(([label, category, probability]) => [stageKey(label), { label, category, probability }]),
);

/** A layer of stage mappings keyed by stage name as a user wrote it. */
export type StageTable = Readonly<Record<string, StageCategory | StageMapping>>;

const DEFAULT_PROBABILITY: Record<StageCategory, number | undefined> = { open: undefined, won: 100, lost: 0 };

/**
 * Resolves stage names through layers (first match wins: the file's mapping, then
 * the workspace's, then the defaults) and counts the unknown ones as it goes.
 */
export class StageResolver {
  private readonly layers: ReadonlyMap<string, StageMapping>[];
  private readonly unknown = new Map<string, { stage: string; count: number }>();

  constructor(...tables: (StageTable | undefined)[]) {
    this.layers = [
      ...tables.filter((t): t is StageTable => t !== undefined).map((t) => this.index(t)),
      DEFAULT_STAGES,
    ];
  }

  private index(table: StageTable): ReadonlyMap<string, StageMapping> {
    const map = new Map<string, StageMapping>();
    for (const [name, value] of Object.entries(table)) {
      const mapping = typeof value === 'string' ? { category: value } : value;
      map.set(stageKey(name), { category: mapping.category, probability: mapping.probability ?? DEFAULT_PROBABILITY[mapping.category] });
    }
    return map;
  }

  resolve(stage: string): ResolvedStage {
    const key = stageKey(stage);
    for (const layer of this.layers) {
      const hit = layer.get(key);
      if (hit) return hit.probability === undefined ? { category: hit.category, known: true } : { category: hit.category, probability: hit.probability, known: true };
    }
    const seen = this.unknown.get(key);
    if (seen) seen.count++;
    else this.unknown.set(key, { stage: stage.trim(), count: 1 });
    return { category: 'open', known: false };
  }

  /** Stages no mapping knew, as first written, most frequent first: the report's `unknownStages`. */
  unknownStages(): { stage: string; count: number }[] {
    return [...this.unknown.values()].sort((a, b) => b.count - a.count || a.stage.localeCompare(b.stage));
  }
}
