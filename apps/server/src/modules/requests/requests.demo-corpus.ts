/**
 * What Northwind's sales team asks product marketing for, by type: titles and descriptions with the deal's account
 * (`{account}`) and competitor (`{competitor}`) filled in, the hours a PMM estimates, and what the PMMs say back.
 */
import type { RequestType } from '@tandem/contracts';

export interface DemoRequestKind {
  type: RequestType;
  /** Share of all requests. */
  weight: number;
  titles: readonly string[];
  descriptions: readonly string[];
  /** Estimate range in hours. */
  hours: readonly [number, number];
  /** Library asset types a delivery of this kind uses (empty: a note only). */
  assetTypes: readonly string[];
  /** Who usually takes it: the PMMs' email prefixes. */
  owners: readonly string[];
}

export const DEMO_REQUEST_KINDS: readonly DemoRequestKind[] = [
  {
    type: 'customize',
    weight: 0.3,
    titles: [
      'Tailor the platform deck for {account}',
      '{account}: ROI slide with their numbers',
      'One-pager for {account} procurement',
      'Case study pack for {account} (same industry)',
      'Security overview for {account} legal review',
    ],
    descriptions: [
      'Their CFO wants to see payback in their own numbers before the next call. Can we adapt the standard deck with their volumes?',
      'Procurement asked for a two-page summary they can circulate internally. Needs their logo and the modules they are evaluating.',
      'They asked for references in their industry. Could we bundle the closest two case studies with a cover note?',
    ],
    hours: [3, 10],
    assetTypes: ['deck', 'one_pager', 'case_study', 'pricing_sheet'],
    owners: ['leo', 'priya'],
  },
  {
    type: 'competitive_intel',
    weight: 0.2,
    titles: [
      '{competitor} pricing change — what do we say?',
      'Landmines to lay against {competitor} at {account}',
      '{competitor} just announced a new connector: impact?',
      'Win/loss notes vs {competitor} for {account}',
    ],
    descriptions: [
      '{account} forwarded us a {competitor} proposal. I need talking points for Thursday and anything we know about their discounting.',
      'The champion at {account} says {competitor} claims parity on governance. Is that true? What proof points do we have?',
    ],
    hours: [4, 12],
    assetTypes: ['battlecard', 'talk_track', 'faq'],
    owners: ['hannah'],
  },
  {
    type: 'deal_support',
    weight: 0.2,
    titles: ['Join the technical deep dive with {account}', 'PMM on the exec call with {account}', 'Help me run the {account} workshop', 'Roadmap briefing for {account}'],
    descriptions: [
      'Their architect has questions on streaming and lineage that go past my demo. A PMM on the call would help us get to a technical win.',
      'The VP wants to hear where the product is going. Can someone from product marketing present the roadmap (under NDA)?',
    ],
    hours: [1, 4],
    assetTypes: [],
    owners: ['priya', 'leo', 'hannah'],
  },
  {
    type: 'new_asset',
    weight: 0.15,
    titles: [
      'Integration guide for dbt users',
      'Case study: a logistics customer on streaming',
      'Pricing FAQ for the new consumption tiers',
      'Migration playbook from on-prem warehouses',
      'Industry one-pager: healthcare',
    ],
    descriptions: [
      'We keep getting this question in discovery and have nothing to send. Three of us would use it this quarter.',
      'Prospects in this segment ask for proof from companies like them; a written story would shorten the evaluation.',
    ],
    hours: [12, 32],
    assetTypes: ['case_study', 'one_pager', 'faq', 'deck', 'other'],
    owners: ['leo', 'priya'],
  },
  {
    type: 'training',
    weight: 0.08,
    titles: ['Enablement session on the governance release', 'Objection handling workshop for new AEs', 'Refresher: positioning against {competitor}'],
    descriptions: ['New hires are fielding questions they have not been trained on. A 45-minute session with recordings would help the whole team.'],
    hours: [6, 16],
    assetTypes: ['talk_track', 'faq'],
    owners: ['priya'],
  },
  {
    type: 'other',
    weight: 0.07,
    titles: ['Review my outbound sequence for {account}', 'Which logo slide is current?', 'Proofread the {account} proposal'],
    descriptions: ['Quick sanity check before it goes out — want to make sure the messaging matches what marketing is running.'],
    hours: [1, 5],
    assetTypes: [],
    owners: ['leo', 'hannah'],
  },
];

export const DEMO_COMMENTS = {
  pmm: [
    'Which modules are they evaluating? That changes which proof points I lead with.',
    'I have a draft — can you check the numbers against what you heard on the call?',
    'Looping in Hannah for the competitive angle.',
    'Do you have the recording of the discovery call?',
  ],
  rep: [
    'Warehouse and Pipelines; governance is a nice-to-have for now.',
    'Numbers look right. Their volume is closer to 40 TB, not 25.',
    'Recording is in the deal notes. Thanks!',
    'Their board meets on the 15th, so anything after that is too late for this round.',
  ],
} as const;

export const DEMO_DECLINE_REASONS = [
  'We cover this in the existing pricing FAQ (linked in the library); a custom version would drift from list prices.',
  'Out of scope for product marketing: sales engineering owns proof-of-concept plans.',
  'The prospect is outside our target segment; please use the standard one-pager.',
] as const;

export const DEMO_DELIVERY_NOTES = [
  'Here it is — the speaker notes carry the talking points.',
  'Joined the call; notes and follow-ups are in the deal.',
  'Updated with their numbers; the assumptions are on the last slide.',
  'Short answer in the note below; the battlecard has the detail.',
] as const;

export const DEMO_BOOST_REASON = 'Strategic logo for the EMEA expansion: the board tracks this account';
export const DEMO_PIN_REASON = 'CRO escalation: the renewal decision is at their board meeting this week';
export const DEMO_POSITION_REASON = 'Analyst briefing depends on it; moving it up but not above live deals';
