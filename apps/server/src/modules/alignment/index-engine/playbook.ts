/**
 * What moves a friction's signals in Tandem: a short playbook for the weakest friction, each step a link. The
 * first step quotes the friction's weakest signal as measured ("Feedback waits 9 days to be acknowledged: …").
 */
import { FRICTION_LABELS, type FrictionKey } from '@tandem/contracts';

interface Step {
  text: string;
  link: (slug: string) => string;
}

const STEPS: Record<FrictionKey, Step[]> = {
  goals: [
    { text: 'Give every quarter one shared goal with an owner from each team and a key result computed from live data', link: (s) => `/w/${s}/goals/new` },
    { text: 'Review the goals at risk together on the scorecard each week', link: (s) => `/w/${s}/scorecard` },
  ],
  communication: [
    { text: 'Set a 2-day target on acknowledging feedback themes and triage the inbox daily', link: (s) => `/w/${s}/feedback` },
    { text: 'Ask reps who have not logged feedback this month for one customer insight each', link: (s) => `/w/${s}/feedback/mine` },
  ],
  timing: [
    { text: 'Look at the requests past their SLA and answer the oldest first', link: (s) => `/w/${s}/requests` },
    { text: 'Point reps to existing material before new requests are written', link: (s) => `/w/${s}/library` },
  ],
  involvement: [
    { text: 'Open the next pricing or positioning call as a decision with sales leads asked for input', link: (s) => `/w/${s}/decisions/new` },
    { text: 'When deciding, say what changed because of sales input', link: (s) => `/w/${s}/decisions` },
  ],
  customer_feedback: [
    { text: 'Work the themes with the most revenue at stake and mark them addressed when shipped', link: (s) => `/w/${s}/feedback/themes` },
    { text: 'Answer every submitter of a theme: the answer reaches each rep who reported it', link: (s) => `/w/${s}/feedback/themes` },
  ],
  resources: [
    { text: 'Set each PMM’s weekly hours and show sales where the capacity line falls', link: (s) => `/w/${s}/requests/capacity` },
    { text: 'Agree the score weights with sales leads so trade-offs are visible', link: (s) => `/w/${s}/requests/settings` },
  ],
  responsibility: [
    { text: 'Record a loss reason on every lost deal and read win/loss by factor together', link: (s) => `/w/${s}/win-loss` },
    { text: 'Link the product-gap and competitor themes to the losses behind them', link: (s) => `/w/${s}/feedback/themes` },
    { text: 'Bring PMM deal support into late-stage deals and reps into campaign follow-up, so the credit models agree on who drove revenue', link: (s) => `/w/${s}/attribution` },
  ],
  territory: [
    { text: 'Agree one credit model with sales and record it as the model of record, with the reason', link: (s) => `/w/${s}/attribution` },
    { text: 'Answer every credit dispute within a week, saying why', link: (s) => `/w/${s}/attribution/disputes` },
    { text: 'Run the next pulse to hear whether credit feels fair', link: (s) => `/w/${s}/alignment/admin` },
  ],
};

export function playbookFor(friction: FrictionKey, slug: string, weakest: { name: string; measure: string } | null) {
  const steps = STEPS[friction].map((s) => ({ text: s.text, link: s.link(slug) }));
  if (weakest && steps[0]) steps[0] = { ...steps[0], text: `${weakest.measure}: ${steps[0].text.charAt(0).toLowerCase()}${steps[0].text.slice(1)}` };
  return { friction, label: FRICTION_LABELS[friction], steps };
}
