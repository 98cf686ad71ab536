/**
 * The demo library's content: Northwind Cloud's competitors and the ~60 pieces its product marketing team wrote —
 * battlecards, case studies, talk tracks, email templates — with their tags, history and the part each plays in the
 * story (how often it is used, whether it is associated with won deals, whether its review is overdue).
 */

export type DemoAssetType =
  | 'battlecard'
  | 'case_study'
  | 'one_pager'
  | 'deck'
  | 'talk_track'
  | 'email_template'
  | 'positioning'
  | 'faq'
  | 'demo_script'
  | 'pricing_sheet'
  | 'other';

export interface DemoCompetitor {
  name: string;
  /** The other spellings the demo's deals, feedback and imports use; they must resolve to this record. */
  aliases: string[];
  website: string;
  description: string;
}

export const DEMO_LIBRARY_COMPETITORS: DemoCompetitor[] = [
  {
    name: 'Snowflake',
    aliases: ['Snowflake Inc.', 'SNOW', 'Snowflake Data Cloud'],
    website: 'https://www.snowflake.com',
    description: 'The cloud data warehouse most of our competitive deals are against; sells consumption credits.',
  },
  {
    name: 'Databricks',
    aliases: ['Databricks Inc.', 'DBX', 'Databricks SQL'],
    website: 'https://www.databricks.com',
    description: 'Lakehouse platform; strongest where data science teams lead the evaluation.',
  },
  {
    name: 'BigQuery',
    aliases: ['Google BigQuery', 'GCP BigQuery'],
    website: 'https://cloud.google.com/bigquery',
    description: 'Google Cloud’s serverless warehouse, often bundled into a Google Cloud commit.',
  },
  {
    name: 'Redshift',
    aliases: ['Amazon Redshift', 'AWS Redshift'],
    website: 'https://aws.amazon.com/redshift',
    description: 'The incumbent in many AWS shops; the deal is usually a migration.',
  },
  {
    name: 'Microsoft Fabric',
    aliases: ['Azure Synapse', 'MS Fabric', 'Synapse Analytics'],
    website: 'https://www.microsoft.com/microsoft-fabric',
    description: 'Comes up in Microsoft-standardised accounts, mostly in EMEA; not yet seen in closed deals.',
  },
];

export const W = 'Northwind Warehouse';
export const P = 'Northwind Pipelines';
export const G = 'Northwind Governance';
const EARLY = ['Prospecting', 'Qualification'];
const MID = ['Needs Analysis', 'Value Proposition'];
const LATE = ['Proposal/Price Quote', 'Negotiation/Review'];

export interface DemoAsset {
  key: string;
  title: string;
  type: DemoAssetType;
  owner: 'priya' | 'leo' | 'hannah';
  competitors?: string[];
  products?: string[];
  segments?: string[];
  personas?: string[];
  stages?: string[];
  regions?: string[];
  /** Markdown; `## ` starts a section. Older versions lack the last sections and carry the `was` wording. */
  body: string;
  /** One change note per published version, oldest first; empty for a draft. */
  notes: string[];
  /** Replacements that turn the current wording into the earlier versions' ([now, before]). */
  was?: [string, string][];
  status?: 'draft' | 'archived';
  /** Days since the first publish (or since the draft was started). */
  age: number;
  review?: 'overdue' | 'due_soon';
  /** Views a year from reps browsing the library, not for a deal. */
  views: number;
  /** Share of the audience's closed deals it touched, and the win-rate lift of those deals over all closed deals. */
  touch?: { share: number; lift: number };
  /** Unused for the last few months (the library report's "unused in 90 days"). */
  quiet?: boolean;
  votes?: [boolean, string | null][];
}

export const DEMO_ASSETS: DemoAsset[] = [
  // ---- Battlecards -------------------------------------------------------------------------------------------
  {
    key: 'bc-snowflake',
    title: 'Battlecard: Northwind vs Snowflake',
    type: 'battlecard',
    owner: 'hannah',
    competitors: ['Snowflake'],
    products: [W, P],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    personas: ['Head of Data', 'CFO'],
    stages: [...MID, ...LATE],
    age: 390,
    views: 260,
    touch: { share: 0.62, lift: 0.19 },
    notes: [
      'First edition from the Q1 win/loss interviews.',
      'Added the credits comparison after the TCO study.',
      'Landmines rewritten: Snowpark and the new Unistore announcement.',
      'Objection handling for “Snowflake is the safe choice”, with two new references.',
    ],
    was: [
      ['30–40% lower 12-month cost', '25–35% lower 12-month cost'],
      ['Contoso, Tailspin and Woodgrove', 'Contoso and Tailspin'],
    ],
    body: `**Use when** Snowflake is in the deal, or the buyer already runs Snowflake and is renewing.
Talk to the Head of Data about predictable spend, to the CFO about the 12-month bill.

## Why we win
- **Predictable spend.** Flat compute tiers: on the three reference workloads, 30–40% lower 12-month cost than Snowflake credits.
- **Pipelines included.** Change data capture and scheduling are in the platform; Snowflake needs Fivetran or Airflow on top.
- **Governance built in.** Column masking and lineage without an Enterprise+ edition.
- **Time to value.** Median POC live in 9 days (Contoso, Tailspin and Woodgrove).

## Landmines to lay
- “How did your credit consumption compare with the estimate in the first six months?”
- “Which tools do you pay for separately to load and schedule data?”
- “Who in your team watches warehouse auto-suspend settings today?”

## Objection handling
| They say | We say |
|---|---|
| Snowflake is the safe choice | 400+ companies run production on Northwind; ask for a reference in your industry. |
| Snowflake has more connectors | We cover the 40 sources 90% of customers use; the rest load through our open connector SDK. |
| We already committed credits | Run Northwind beside Snowflake for new workloads; the commit burns down on what stays. |

## Traps they set
Snowflake reps will push a “free” proof of concept on credits. Insist on a success plan with the buyer's own queries
and a cost readout at the end.`,
    votes: [
      [true, 'The credits table won me the Harbor Logistics deal.'],
      [true, 'Landmine questions work well on the second call.'],
      [true, null],
      [false, 'Needs an answer for Snowflake Cortex AI.'],
    ],
  },
  {
    key: 'bc-databricks-2025',
    title: 'Battlecard: Northwind vs Databricks (2025 edition)',
    type: 'battlecard',
    owner: 'hannah',
    competitors: ['Databricks'],
    products: [W],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['Data engineer', 'Head of Data'],
    stages: MID,
    age: 400,
    review: 'overdue',
    views: 140,
    touch: { share: 0.55, lift: 0 },
    notes: ['First edition.', 'Added the SQL warehouse pricing comparison.'],
    was: [['DBU list price of $0.70', 'DBU list price of $0.55']],
    body: `**Use when** a Databricks lakehouse is in the evaluation. Written before Unity Catalog went GA: check the
governance claims with Hannah before you use them.

## Why we win
- **SQL first.** Analysts get a warehouse, not a notebook; BI dashboards run without cluster tuning.
- **Simpler operations.** No clusters to size; Databricks SQL warehouses start at a DBU list price of $0.70 per hour.
- **Governance.** Column masking and row-level security without extra setup.

## Landmines to lay
- “Who maintains your cluster policies today?”
- “How long do your BI dashboards wait for a cluster to start?”

## Objection handling
- *“Databricks does ML and BI in one place.”* — Most of your users write SQL; keep ML where it is and give them a
  warehouse that answers in seconds.`,
    votes: [
      [false, 'Unity Catalog answers the governance point now; this card lost me credibility.'],
      [false, 'Pricing is out of date.'],
      [true, null],
    ],
  },
  {
    key: 'bc-databricks-ml',
    title: 'Battlecard: Databricks for ML workloads',
    type: 'battlecard',
    owner: 'hannah',
    competitors: ['Databricks'],
    products: [W, P],
    segments: ['Enterprise'],
    personas: ['Data scientist', 'Head of Data'],
    stages: MID,
    status: 'draft',
    age: 12,
    views: 0,
    notes: [],
    body: `**Draft — collecting the ML use cases where we lose.** Add yours as comments.

## Where Databricks is strong
- Notebooks and MLflow are where the data scientists already live.
- Feature store and model serving in one platform.

## Our answer (to validate)
- Keep training in Databricks; serve features and BI from Northwind through the Delta Sharing connector.
- Show the cost of running BI on all-purpose clusters.`,
  },
  {
    key: 'bc-bigquery',
    title: 'Battlecard: Northwind vs BigQuery',
    type: 'battlecard',
    owner: 'hannah',
    competitors: ['BigQuery'],
    products: [W],
    segments: ['SMB', 'Mid-Market'],
    personas: ['Head of Data', 'CFO'],
    stages: [...MID, ...LATE],
    regions: ['EMEA', 'North America'],
    age: 350,
    review: 'due_soon',
    views: 120,
    touch: { share: 0.5, lift: 0.1 },
    notes: ['First edition.', 'Added the Google commit burn-down answer.', 'Slot pricing updated after Google’s editions change.'],
    was: [['Enterprise edition slots', 'flat-rate slots']],
    body: `**Use when** the buyer is on Google Cloud or has been offered BigQuery inside a Google commit.

## Why we win
- **Multi-cloud.** Northwind runs on AWS, Azure and Google Cloud; BigQuery keeps you on one.
- **Cost you can plan.** BigQuery on-demand bills per TB scanned; Enterprise edition slots need capacity planning.
- **Pipelines and governance in the box.**

## Landmines to lay
- “What happened to your bill the month an analyst scanned a full table by mistake?”
- “Which workloads run outside Google Cloud today?”

## Objection handling
- *“It is already paid for in our Google commit.”* — Northwind is on the Google Cloud Marketplace: buying us burns
  down the same commit.`,
    votes: [[true, 'The Marketplace answer closed the Cedarstone deal.']],
  },
  {
    key: 'bc-redshift',
    title: 'Battlecard: Northwind vs Amazon Redshift',
    type: 'battlecard',
    owner: 'leo',
    competitors: ['Redshift'],
    products: [W, P],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['Data engineer', 'Head of Data'],
    stages: [...MID, ...LATE],
    age: 330,
    views: 110,
    touch: { share: 0.5, lift: 0.07 },
    notes: ['First edition.', 'Migration section links to the Redshift playbook.'],
    body: `**Use when** the buyer runs Redshift today. The deal is a migration: sell the plan, not the warehouse.

## Why we win
- **No vacuum, no distribution keys.** Storage and compute tune themselves.
- **Concurrency.** Hundreds of dashboard users without queueing.
- **A six-week migration plan** with the schema converter and two references (Fabrikam, Tailspin).

## Landmines to lay
- “How many hours a month does the team spend on vacuum and sort keys?”
- “What happens to dashboard times at month end?”

## Objection handling
- *“Migration is too risky.”* — Run both side by side for two weeks; we compare every query's result.`,
  },
  {
    key: 'bc-fabric',
    title: 'Battlecard: Microsoft Fabric and Azure Synapse',
    type: 'battlecard',
    owner: 'hannah',
    competitors: ['Microsoft Fabric'],
    products: [W],
    segments: ['Enterprise'],
    regions: ['EMEA'],
    personas: ['CDO', 'Head of Data'],
    stages: MID,
    age: 40,
    views: 18,
    notes: ['First edition from three EMEA discovery calls.'],
    body: `**Use when** the account is standardised on Microsoft and Fabric is "free" in their E5 agreement.

## Why we win
- **Capacity units are shared with Power BI**: heavy transformations slow down dashboards.
- **Open formats and any cloud.**

## Landmines to lay
- “Which Fabric capacity SKU did you size for, and what happens at peak?”

## Objection handling
- *“It is included in our Microsoft agreement.”* — Capacity is included; the F64 you will need at scale is not.`,
  },
  {
    key: 'bc-snowflake-2024',
    title: 'Battlecard: Northwind vs Snowflake (2024, superseded)',
    type: 'battlecard',
    owner: 'hannah',
    competitors: ['Snowflake'],
    products: [W],
    segments: ['Mid-Market', 'Enterprise'],
    stages: MID,
    status: 'archived',
    age: 520,
    views: 20,
    quiet: true,
    notes: ['First edition.', 'Pricing table corrected.'],
    body: `Superseded by "Battlecard: Northwind vs Snowflake". Kept for reference only.

## Why we win
- Lower cost for steady workloads.
- Built-in pipelines.

## Objection handling
- *“Snowflake has the bigger ecosystem.”* — We integrate with the tools you already use.`,
  },
  {
    key: 'bc-status-quo',
    title: 'Battlecard: competing with the in-house stack',
    type: 'battlecard',
    owner: 'leo',
    products: [W, P],
    segments: ['SMB', 'Mid-Market'],
    personas: ['Data engineer', 'CFO'],
    stages: [...EARLY, ...MID],
    age: 210,
    views: 70,
    touch: { share: 0.25, lift: 0.04 },
    notes: ['First edition from the “no decision” loss reviews.'],
    body: `**Use when** the competitor is Postgres plus cron jobs plus a spreadsheet, and "no decision" is the risk.

## Why we win
- The hidden cost is people: two engineers keeping scripts alive is $300k a year.
- Every broken nightly job is a late board report.

## Landmines to lay
- “When did the nightly load last fail, and who noticed first?”

## Objection handling
- *“We can build this ourselves.”* — You can; the question is whether that is what your data team should spend next year on.`,
  },

  // ---- Talk tracks -------------------------------------------------------------------------------------------
  {
    key: 'tt-snowflake-pricing',
    title: 'Talk track: pricing vs Snowflake credits',
    type: 'talk_track',
    owner: 'hannah',
    competitors: ['Snowflake'],
    products: [W],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['CFO', 'Head of Data'],
    stages: [...MID, ...LATE],
    age: 250,
    views: 150,
    touch: { share: 0.45, lift: 0.12 },
    notes: ['First version from the TCO study.', 'Added the second-call calculator step.', 'Numbers refreshed with the Q3 reference workloads.'],
    was: [['30–40%', '25–35%']],
    body: `**Goal:** move the pricing conversation from list price to 12-month cost.

## Opening
"Most teams we meet chose Snowflake for good reasons. What they did not plan for is how credits behave as usage
grows. Can I show you what three companies like yours saw over twelve months?"

## The three numbers
1. 30–40% lower 12-month cost on the reference workloads.
2. Zero separate spend on loading tools.
3. One price per tier: no surprise at month end.

## Second call: the calculator
Run the TCO calculator with their last three Snowflake invoices. Never on the first call: it looks like a price war.

## If they push back
- *“Our Snowflake rep will match it.”* — Ask for the match in writing for three years, including overage rates.`,
    votes: [[true, 'Second-call calculator timing is spot on.'], [true, null]],
  },
  {
    key: 'tt-discovery',
    title: 'Talk track: first discovery call',
    type: 'talk_track',
    owner: 'leo',
    products: [W, P, G],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    personas: ['Head of Data', 'Data engineer'],
    stages: EARLY,
    age: 360,
    views: 190,
    touch: { share: 0.2, lift: 0.03 },
    notes: ['First version.', 'Shortened to 25 minutes; qualification questions moved to the end.'],
    body: `**Goal:** leave with the pain, the people and a date.

## Open (3 minutes)
Agree the agenda and the time. Ask what made them take the call now.

## Pain (12 minutes)
- "Walk me through what happens between a sale in your CRM and the number on the CFO's dashboard."
- "Where does that break, and who fixes it?"

## People and process (7 minutes)
Who else feels this? Who signs? What did they buy last time, and how long did it take?

## Close (3 minutes)
Book the technical deep dive before you hang up.`,
  },
  {
    key: 'tt-databricks-lakehouse',
    title: 'Talk track: “we already have a lakehouse”',
    type: 'talk_track',
    owner: 'hannah',
    competitors: ['Databricks'],
    products: [W],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['Head of Data'],
    stages: [...EARLY, ...MID],
    age: 180,
    views: 60,
    touch: { share: 0.3, lift: 0.03 },
    notes: ['First version.'],
    body: `**Goal:** find the SQL users the lakehouse does not serve well.

## Acknowledge
"Great — then your data scientists are set. Who else queries that data, and how do they get to it?"

## Find the gap
- Analysts waiting on clusters.
- Dashboards that time out at 9 a.m. on Mondays.

## Position
Northwind as the SQL and BI layer next to the lakehouse, not a replacement.`,
  },
  {
    key: 'tt-eu-residency',
    title: 'Talk track: EU data residency objections',
    type: 'talk_track',
    owner: 'priya',
    products: [W, G],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['DPO', 'CISO'],
    stages: [...MID, ...LATE],
    regions: ['EMEA'],
    age: 200,
    views: 80,
    touch: { share: 0.3, lift: 0.05 },
    notes: ['First version.', 'Frankfurt region is GA: updated the answer.'],
    was: [['generally available in Frankfurt', 'planned for Frankfurt next quarter']],
    body: `**Goal:** get the DPO to yes before procurement starts.

## The answer in one sentence
Customer data stays in the EU: Northwind is generally available in Frankfurt and Dublin, with EU-only support access.

## What DPOs ask
- Sub-processors: the list is public and EU-only for EU regions.
- Transfers: no transfer outside the EU for customer content; SCCs cover support metadata.
- DPA: our standard DPA plus the EU addendum.

## Next step
Send the one-pager "EU data residency for DPOs" before the security review.`,
  },
  {
    key: 'tt-bigquery-credits',
    title: 'Talk track: “we have Google credits to burn”',
    type: 'talk_track',
    owner: 'hannah',
    competitors: ['BigQuery'],
    products: [W],
    segments: ['SMB', 'Mid-Market'],
    stages: LATE,
    regions: ['EMEA'],
    age: 120,
    views: 45,
    touch: { share: 0.35, lift: 0.08 },
    notes: ['First version, after the Marketplace listing went live.'],
    body: `**Goal:** take the free-money argument off the table.

## Say
"Good news: we are on the Google Cloud Marketplace, so buying Northwind burns down the same commit."

## Then
Ask what else the commit has to cover this year, and whether the analytics team gets a say in it.`,
  },
  {
    key: 'tt-negotiation',
    title: 'Talk track: holding price in negotiation',
    type: 'talk_track',
    owner: 'priya',
    products: [W, P, G],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['Procurement', 'CFO'],
    stages: ['Negotiation/Review'],
    age: 240,
    views: 95,
    touch: { share: 0.3, lift: 0.06 },
    notes: ['First version.', 'Added multi-year terms as the first trade.'],
    body: `**Goal:** trade, never give. Discounts below 20% need deal desk.

## Trades, in this order
1. Multi-year term for a lower rate.
2. Case study and reference call.
3. Earlier signature date.

## What not to say
"Let me see what I can do." Say "What would you give in return?"`,
  },

  // ---- Case studies ------------------------------------------------------------------------------------------
  {
    key: 'cs-contoso',
    title: 'Case study: Contoso live in 9 days',
    type: 'case_study',
    owner: 'leo',
    competitors: ['Snowflake'],
    products: [W, P],
    segments: ['Mid-Market'],
    personas: ['Head of Data'],
    stages: [...MID, ...LATE],
    age: 300,
    views: 170,
    touch: { share: 0.35, lift: 0.1 },
    notes: ['Published with Contoso’s approval.', 'Added the 6-month numbers.'],
    body: `**Contoso** (1,800 employees, retail) chose Northwind over Snowflake after a 9-day proof of concept.

## The challenge
Nightly loads from 14 sources took 6 hours and failed twice a week. Finance saw yesterday's numbers at noon.

## What they did
- Connected all 14 sources with Northwind Pipelines in the first week.
- Rebuilt the 40 core dashboards on Northwind Warehouse.

## Results after six months
- Loads down from 6 hours to 35 minutes.
- Warehouse cost 31% lower than the Snowflake quote.
- Two engineers moved from maintenance to new work.

> "We had answers on day nine. The Snowflake POC was still in setup." — Head of Data, Contoso`,
    votes: [[true, 'Best proof point for POC-stage deals.']],
  },
  {
    key: 'cs-fabrikam',
    title: 'Case study: Fabrikam migrates off Redshift in 6 weeks',
    type: 'case_study',
    owner: 'leo',
    competitors: ['Redshift'],
    products: [W, P],
    segments: ['Enterprise'],
    personas: ['Data engineer', 'Head of Data'],
    stages: [...MID, ...LATE],
    age: 280,
    views: 90,
    touch: { share: 0.4, lift: 0.09 },
    notes: ['First version.', 'Added the query-parity method.'],
    body: `**Fabrikam** (9,000 employees, manufacturing) moved 60 TB and 2,300 queries from Redshift in six weeks.

## The challenge
Month-end dashboards queued for 20 minutes; two engineers spent half their time on vacuum and sort keys.

## The migration
- Week 1–2: schema converter, 60 TB copied.
- Week 3–4: both systems side by side, every query's result compared.
- Week 5–6: BI switched over, Redshift turned off.

## Results
- Month-end dashboards under 10 seconds.
- 27% lower annual cost.`,
  },
  {
    key: 'cs-tailspin',
    title: 'Case study: Tailspin Toys cuts warehouse spend 38%',
    type: 'case_study',
    owner: 'leo',
    competitors: ['Snowflake'],
    products: [W],
    segments: ['SMB', 'Mid-Market'],
    personas: ['CFO'],
    stages: LATE,
    age: 150,
    views: 75,
    touch: { share: 0.3, lift: 0.08 },
    notes: ['Published.'],
    body: `**Tailspin Toys** (420 employees, e-commerce) replaced Snowflake after its credit bill doubled in a holiday season.

## Results
- 38% lower warehouse spend over 12 months.
- One flat price per tier: the CFO forecasts the bill to the dollar.
- Migration done in 4 weeks by one engineer.`,
  },
  {
    key: 'cs-woodgrove',
    title: 'Case study: Woodgrove Bank passes its SOC 2 audit with Northwind Governance',
    type: 'case_study',
    owner: 'leo',
    products: [W, G],
    segments: ['Enterprise'],
    personas: ['CISO', 'CDO'],
    stages: [...MID, ...LATE],
    age: 340,
    views: 85,
    touch: { share: 0.25, lift: 0.06 },
    notes: ['First version.', 'Added the auditor’s quote.', 'Updated for the column-masking GA.'],
    body: `**Woodgrove Bank** (12,000 employees) needed one answer to "who can see customer data" for its auditors.

## What they did
- Column masking on 1,200 PII columns, applied by tag.
- Lineage from source to report for every regulatory dashboard.

## Results
- SOC 2 Type II evidence prepared in 3 days instead of 5 weeks.
- Zero audit findings on data access.

## In their words
> "Lineage answered the auditor's questions before they asked them."`,
  },
  {
    key: 'cs-litware',
    title: 'Case study: Litware Health runs HIPAA analytics on Northwind',
    type: 'case_study',
    owner: 'leo',
    products: [W, G],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['CISO'],
    stages: LATE,
    age: 380,
    views: 25,
    quiet: true,
    notes: ['Published.'],
    body: `**Litware Health** analyses claims for 3 million patients under a BAA with Northwind.

## Results
- Claims dashboards refreshed hourly instead of weekly.
- HIPAA controls mapped one-to-one in the trust portal.`,
  },
  {
    key: 'cs-adventure',
    title: 'Case study: Adventure Works — real-time inventory with Northwind Pipelines',
    type: 'case_study',
    owner: 'leo',
    products: [P],
    segments: ['Mid-Market'],
    personas: ['Data engineer'],
    stages: MID,
    age: 220,
    views: 60,
    touch: { share: 0.2, lift: 0.05 },
    notes: ['Published.', 'Added the architecture diagram description.'],
    body: `**Adventure Works** (2,600 employees, retail) streams inventory changes from Postgres to every store dashboard.

## Results
- Stock levels 40 seconds old instead of 24 hours.
- 11% fewer lost sales from out-of-stock items in the first quarter.

## Architecture
Postgres → Northwind Pipelines (CDC) → Northwind Warehouse → store dashboards.`,
  },
  {
    key: 'cs-wingtip',
    title: 'Case study: Wingtip Logistics replaces Databricks jobs',
    type: 'case_study',
    owner: 'leo',
    competitors: ['Databricks'],
    products: [W, P],
    segments: ['Mid-Market'],
    personas: ['Data engineer', 'Head of Data'],
    stages: MID,
    age: 160,
    views: 55,
    touch: { share: 0.35, lift: 0.09 },
    notes: ['Published.'],
    body: `**Wingtip Logistics** moved 300 scheduled SQL jobs off Databricks clusters and kept ML where it was.

## Results
- Job compute cost down 46%.
- Analysts no longer wait for clusters to start.`,
  },
  {
    key: 'cs-proseware',
    title: 'Case study: Proseware (awaiting customer approval)',
    type: 'case_study',
    owner: 'leo',
    products: [W, G],
    segments: ['Enterprise'],
    status: 'draft',
    age: 20,
    views: 0,
    notes: [],
    body: `**Draft: do not share until Proseware's legal team approves.**

## The story so far
Proseware consolidated four regional warehouses into one Northwind account with EU and US regions.`,
  },

  // ---- One-pagers --------------------------------------------------------------------------------------------
  {
    key: 'op-eu-residency',
    title: 'One-pager: EU data residency for DPOs',
    type: 'one_pager',
    owner: 'priya',
    products: [W, G],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['DPO'],
    stages: LATE,
    regions: ['EMEA'],
    age: 190,
    views: 95,
    touch: { share: 0.3, lift: 0.05 },
    notes: ['First version.', 'Frankfurt region added.'],
    was: [['Frankfurt and Dublin', 'Dublin']],
    body: `# EU data residency at Northwind

## Where your data lives
Customer content is stored and processed in the EU region you choose: Frankfurt and Dublin.

## Who can access it
Support access from the EU only, logged, and approved by you for each case.

## Your paperwork
Standard DPA, EU addendum, sub-processor list, SCCs for support metadata.`,
  },
  {
    key: 'op-governance',
    title: 'One-pager: Northwind Governance',
    type: 'one_pager',
    owner: 'leo',
    products: [G],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['CDO', 'CISO'],
    stages: [...EARLY, ...MID],
    age: 310,
    views: 80,
    touch: { share: 0.2, lift: 0.04 },
    notes: ['Launch version.', 'Row-level security added.', 'Lineage screenshots replaced with the new UI.'],
    was: [['column masking, row-level security and lineage', 'column masking and lineage']],
    body: `# Northwind Governance

Know who can see what, and where every number came from: column masking, row-level security and lineage, in the
platform your team already uses.

## Control
Policies by tag, applied to every table that carries it.

## Trace
Lineage from the source system to the dashboard tile.

## Prove
Audit-ready evidence exports for SOC 2 and ISO 27001.`,
  },
  {
    key: 'op-pipelines',
    title: 'One-pager: Northwind Pipelines',
    type: 'one_pager',
    owner: 'leo',
    products: [P],
    segments: ['SMB', 'Mid-Market'],
    personas: ['Data engineer'],
    stages: [...EARLY, ...MID],
    age: 300,
    views: 70,
    touch: { share: 0.2, lift: 0.03 },
    notes: ['Launch version.', 'Added Postgres CDC.'],
    body: `# Northwind Pipelines

Load, schedule and transform without another tool.

## Connectors
40 managed sources, including Salesforce, HubSpot, Postgres, MySQL and Stripe.

## Scheduling
Dependencies, retries and alerts built in.

## Change data capture
Postgres and MySQL changes in under a minute.`,
  },
  {
    key: 'op-security',
    title: 'One-pager: Security and compliance at Northwind',
    type: 'one_pager',
    owner: 'priya',
    products: [W, G],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    personas: ['CISO'],
    stages: LATE,
    age: 330,
    review: 'overdue',
    views: 110,
    touch: { share: 0.25, lift: 0.03 },
    notes: ['First version.', 'SOC 2 Type II report added.'],
    body: `# Security at Northwind

## Certifications
SOC 2 Type II, ISO 27001, HIPAA (with a BAA).

## Encryption
AES-256 at rest, TLS 1.2+ in transit, customer-managed keys on Enterprise.

## Access
SSO with SAML, role-based access, audit logs exportable to your SIEM.`,
  },
  {
    key: 'op-platform',
    title: 'One-pager: the Northwind platform',
    type: 'one_pager',
    owner: 'priya',
    products: [W, P, G],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    personas: ['Head of Data', 'CFO'],
    stages: EARLY,
    age: 395,
    views: 230,
    touch: { share: 0.15, lift: 0.02 },
    notes: ['First version.', 'Governance added at launch.', 'New customer logos.', 'Tightened to one page again.'],
    was: [['Warehouse, Pipelines and Governance', 'Warehouse and Pipelines']],
    body: `# Northwind Cloud

One platform for your data: Warehouse, Pipelines and Governance.

## Why teams switch
- Predictable pricing.
- Loading and scheduling included.
- Governance without extra products.

## Who runs on it
Contoso, Fabrikam, Woodgrove Bank, Tailspin Toys and 400 more.`,
  },
  {
    key: 'op-smb',
    title: 'One-pager: Northwind for growing teams',
    type: 'one_pager',
    owner: 'leo',
    products: [W, P],
    segments: ['SMB'],
    personas: ['Head of Data', 'Founder'],
    stages: EARLY,
    age: 100,
    views: 65,
    touch: { share: 0.2, lift: 0.04 },
    notes: ['Published.'],
    body: `# Northwind for growing teams

Your first warehouse, without a data platform team.

## Start in an afternoon
Connect Stripe, HubSpot and Postgres; dashboards the same day.

## Pay for what you use
Starter tier from $400 a month.`,
  },

  // ---- Decks -------------------------------------------------------------------------------------------------
  {
    key: 'deck-corporate',
    title: 'Deck: Northwind corporate pitch',
    type: 'deck',
    owner: 'priya',
    products: [W, P, G],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    personas: ['Head of Data', 'CDO'],
    stages: EARLY,
    age: 400,
    views: 300,
    touch: { share: 0.25, lift: 0.02 },
    notes: ['FY26 version.', 'Customer slide updated.', 'Governance slide added.', 'Shortened to 12 slides.'],
    was: [['12 slides', '18 slides']],
    body: `12 slides. Speaker notes below each slide in the file.

## Storyline
1. The cost of a fragmented data stack.
2. One platform: Warehouse, Pipelines, Governance.
3. Proof: Contoso, Fabrikam, Woodgrove.
4. How a POC works.

## Tips
Skip slide 7 (architecture) for business buyers.`,
  },
  {
    key: 'deck-poc-kickoff',
    title: 'Deck: POC kickoff',
    type: 'deck',
    owner: 'leo',
    products: [W, P],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['Data engineer', 'Head of Data'],
    stages: MID,
    age: 280,
    views: 120,
    touch: { share: 0.3, lift: 0.08 },
    notes: ['First version.', 'Added the Contoso 9-day story.'],
    body: `For the first POC meeting with the buyer's technical team.

## Agenda
1. Success criteria, written down together.
2. The buyer's own queries and data.
3. Daily check-ins, readout on day 10.

## Proof
Contoso was live in 9 days.`,
  },
  {
    key: 'deck-exec-briefing',
    title: 'Deck: executive briefing for CDOs',
    type: 'deck',
    owner: 'priya',
    products: [W, G],
    segments: ['Enterprise'],
    personas: ['CDO'],
    stages: LATE,
    age: 140,
    views: 40,
    touch: { share: 0.3, lift: 0.06 },
    notes: ['Published.'],
    body: `Six slides for a 20-minute CDO meeting.

## Storyline
Risk (who sees what), cost (what the stack costs), speed (time to answer).`,
  },
  {
    key: 'deck-governance-deep-dive',
    title: 'Deck: governance deep dive',
    type: 'deck',
    owner: 'leo',
    products: [G],
    segments: ['Enterprise'],
    personas: ['CISO', 'CDO'],
    stages: MID,
    age: 200,
    review: 'due_soon',
    views: 50,
    touch: { share: 0.2, lift: 0.04 },
    notes: ['Published.'],
    body: `For security and governance reviewers.

## Contents
Masking policies, row-level security, lineage, audit exports, SIEM integration.`,
  },
  {
    key: 'deck-fy25-kickoff',
    title: 'Deck: FY25 sales kickoff pitch (retired)',
    type: 'deck',
    owner: 'priya',
    products: [W, P],
    status: 'archived',
    age: 500,
    views: 15,
    quiet: true,
    notes: ['SKO version.'],
    body: `Retired: use "Deck: Northwind corporate pitch".

## Storyline
The FY25 pitch, before Governance launched.`,
  },

  // ---- Email templates ---------------------------------------------------------------------------------------
  {
    key: 'em-follow-up-discovery',
    title: 'Email template: follow-up after discovery',
    type: 'email_template',
    owner: 'leo',
    products: [W],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    stages: EARLY,
    age: 330,
    views: 210,
    touch: { share: 0.2, lift: 0.02 },
    notes: ['First version.', 'Shorter subject line (open rate +9 points in the test).'],
    was: [['Subject: {{pain}} — next step', 'Subject: Thank you for your time today — next steps with Northwind']],
    body: `Subject: {{pain}} — next step

Hi {{first_name}},

Thanks for walking me through {{pain}} today. What I heard:

- {{point_1}}
- {{point_2}}

## Proposed next step
A 45-minute technical session with {{technical_contact}} on {{date}}. Does that work?

Best,
{{sender}}`,
  },
  {
    key: 'em-snowflake-renewal',
    title: 'Email template: Snowflake customers facing a renewal',
    type: 'email_template',
    owner: 'hannah',
    competitors: ['Snowflake'],
    products: [W],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['CFO', 'Head of Data'],
    stages: EARLY,
    age: 170,
    views: 90,
    touch: { share: 0.25, lift: 0.07 },
    notes: ['First version.'],
    body: `Subject: before your Snowflake renewal

Hi {{first_name}},

Teams renewing Snowflake often ask us one thing: what would the last 12 months have cost on a flat price?

## The offer
Send us three invoices; we send back a side-by-side in a week. No call needed.

{{sender}}`,
  },
  {
    key: 'em-security-pack',
    title: 'Email template: sending the security pack',
    type: 'email_template',
    owner: 'priya',
    products: [W, G],
    personas: ['CISO'],
    stages: LATE,
    age: 260,
    views: 130,
    touch: { share: 0.25, lift: 0.04 },
    notes: ['First version.', 'Links to the trust portal instead of attachments.'],
    body: `Subject: Northwind security documentation

Hi {{first_name}},

As promised, the security pack for your review:

- SOC 2 Type II report and bridge letter (trust portal, access granted to {{email}}).
- Completed CAIQ questionnaire.
- Our standard DPA.

## Next step
Happy to set up 30 minutes with our security team if anything is open.`,
  },
  {
    key: 'em-poc-recap',
    title: 'Email template: POC recap and next steps',
    type: 'email_template',
    owner: 'leo',
    products: [W, P],
    segments: ['Mid-Market', 'Enterprise'],
    stages: ['Value Proposition', 'Proposal/Price Quote'],
    age: 230,
    views: 100,
    touch: { share: 0.3, lift: 0.06 },
    notes: ['First version.'],
    body: `Subject: POC results — {{company}} and Northwind

Hi {{first_name}},

## What we proved
- {{criterion_1}}: met ({{result_1}}).
- {{criterion_2}}: met ({{result_2}}).

## Proposed next steps
Commercial proposal by {{date}}; security review in parallel.`,
  },
  {
    key: 'em-reengage',
    title: 'Email template: re-engaging a stalled deal',
    type: 'email_template',
    owner: 'leo',
    products: [W],
    segments: ['SMB', 'Mid-Market'],
    stages: MID,
    age: 90,
    views: 70,
    touch: { share: 0.15, lift: 0.02 },
    notes: ['Published.'],
    body: `Subject: should I close your file?

Hi {{first_name}},

I have not heard back since {{last_touch}}. Has the priority changed, or is the timing wrong?

## One line is enough
Reply "later", "no" or "let's talk", and I will follow your lead.`,
  },
  {
    key: 'em-redshift-offer',
    title: 'Email template: Redshift migration offer',
    type: 'email_template',
    owner: 'leo',
    competitors: ['Redshift'],
    products: [W, P],
    segments: ['Mid-Market', 'Enterprise'],
    stages: EARLY,
    regions: ['North America'],
    age: 150,
    views: 50,
    touch: { share: 0.3, lift: 0.05 },
    notes: ['Published.'],
    body: `Subject: your Redshift migration, planned in six weeks

Hi {{first_name}},

Fabrikam moved 60 TB off Redshift in six weeks with our migration plan. Want the plan for your cluster?

## What you get
A schema assessment in five days, free.`,
  },

  // ---- Positioning -------------------------------------------------------------------------------------------
  {
    key: 'pos-messaging',
    title: 'Positioning: Northwind messaging house',
    type: 'positioning',
    owner: 'priya',
    products: [W, P, G],
    personas: ['Head of Data', 'CFO', 'CDO'],
    age: 380,
    views: 90,
    notes: ['First version.', 'Pillar 3 reworded after the Governance launch.', 'Proof points refreshed.'],
    was: [['Trusted by design', 'Secure by default']],
    body: `## Category
The data platform with predictable pricing.

## Pillars
1. **Predictable**: one price per tier, no credits.
2. **Complete**: loading, scheduling and governance included.
3. **Trusted by design**: masking, lineage and audit evidence built in.

## Proof points
Contoso 9 days, Tailspin −38% spend, Woodgrove audit in 3 days.`,
  },
  {
    key: 'pos-personas',
    title: 'Positioning: buyer personas',
    type: 'positioning',
    owner: 'priya',
    personas: ['Head of Data', 'CFO', 'CISO', 'Data engineer'],
    age: 300,
    views: 75,
    notes: ['First version.', 'Added the CISO.'],
    body: `## Head of Data
Wants fewer tools and a team that builds, not maintains.

## CFO
Wants a bill that can be forecast.

## Data engineer
Wants no more 3 a.m. pages for broken loads.

## CISO
Wants one answer to "who can see customer data".`,
  },
  {
    key: 'pos-governance-launch',
    title: 'Positioning: Governance 2.0 launch',
    type: 'positioning',
    owner: 'priya',
    products: [G],
    status: 'draft',
    age: 8,
    views: 0,
    notes: [],
    body: `**Draft for the launch review.**

## Message
Governance that follows the data: policies by tag, from source to dashboard.`,
  },

  // ---- FAQ ---------------------------------------------------------------------------------------------------
  {
    key: 'faq-pricing',
    title: 'FAQ: pricing and packaging',
    type: 'faq',
    owner: 'priya',
    products: [W, P, G],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    stages: LATE,
    age: 270,
    views: 160,
    touch: { share: 0.2, lift: 0.04 },
    notes: ['First version.', 'Governance add-on price.'],
    body: `## Is there a free trial?
Yes: 14 days on the Starter tier, no card needed.

## How is compute billed?
One price per tier, by the month. No credits.

## What does Governance cost?
Included in Enterprise; an add-on at 15% on other tiers.

## Are multi-year terms discounted?
Yes: ask deal desk.`,
  },
  {
    key: 'faq-security',
    title: 'FAQ: security questionnaire answers',
    type: 'faq',
    owner: 'priya',
    products: [W, G],
    personas: ['CISO'],
    stages: LATE,
    age: 310,
    views: 140,
    touch: { share: 0.2, lift: 0.03 },
    notes: ['First version.', 'Answers for pen-test frequency and key management.'],
    body: `## Do you encrypt data at rest?
Yes, AES-256; customer-managed keys on Enterprise.

## How often are you pen-tested?
Twice a year by an external firm; summary under NDA.

## Where are backups stored?
In the same region as the data, encrypted, kept 35 days.`,
  },
  {
    key: 'faq-sso-scim',
    title: 'FAQ: SSO and SCIM provisioning',
    type: 'faq',
    owner: 'leo',
    products: [W],
    segments: ['Enterprise'],
    personas: ['CISO'],
    stages: MID,
    age: 60,
    views: 45,
    touch: { share: 0.15, lift: 0.03 },
    notes: ['Published with the SCIM private beta.'],
    body: `## Do you support SSO?
SAML 2.0 with Okta, Entra ID and Google Workspace.

## Do you support SCIM?
SCIM 2.0 with Okta group push is in private beta: ask Priya to add an account.`,
  },
  {
    key: 'faq-integrations',
    title: 'FAQ: integrations and connectors',
    type: 'faq',
    owner: 'leo',
    products: [P],
    personas: ['Data engineer'],
    stages: MID,
    age: 240,
    views: 100,
    notes: ['First version.', 'dbt Cloud and Power BI added.'],
    body: `## Which sources do you load?
40 managed connectors; the full list is in the integration guide.

## Do you work with dbt?
Yes: dbt Core and dbt Cloud run against Northwind Warehouse.

## Which BI tools connect?
Tableau, Power BI, Looker and any JDBC/ODBC client.`,
  },

  // ---- Demo scripts ------------------------------------------------------------------------------------------
  {
    key: 'ds-core',
    title: 'Demo script: the 20-minute core demo',
    type: 'demo_script',
    owner: 'leo',
    products: [W, P],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    stages: MID,
    age: 370,
    views: 180,
    touch: { share: 0.25, lift: 0.05 },
    notes: ['First version.', 'Cut to 20 minutes.', 'New sample dataset (retail orders).'],
    was: [['retail orders', 'taxi trips']],
    body: `Use the "retail orders" sample workspace.

## 1. Connect (4 minutes)
Add Postgres and Stripe; show the first rows arriving.

## 2. Model (6 minutes)
Run the dbt project; show lineage.

## 3. Answer (6 minutes)
Build the revenue-by-region dashboard live.

## 4. Cost (4 minutes)
Open the bill preview: one number, no credits.`,
  },
  {
    key: 'ds-cost-forecasting',
    title: 'Demo script: cost forecasting and budget alerts',
    type: 'demo_script',
    owner: 'leo',
    products: [W],
    status: 'draft',
    age: 15,
    views: 0,
    notes: [],
    body: `**Draft — feature planned, script follows the beta.**

## Flow
Set a monthly budget, show the 90-day forecast, trigger an alert.`,
  },
  {
    key: 'ds-governance',
    title: 'Demo script: lineage and column masking',
    type: 'demo_script',
    owner: 'leo',
    products: [G],
    segments: ['Enterprise'],
    personas: ['CISO'],
    stages: MID,
    age: 210,
    views: 60,
    touch: { share: 0.2, lift: 0.05 },
    notes: ['Published.'],
    body: `## 1. Tag PII
Tag the email column; the masking policy applies at once.

## 2. Prove it
Query as an analyst: masked. As the DPO role: clear.

## 3. Trace it
Open lineage from the CRM to the churn dashboard.`,
  },
  {
    key: 'ds-postgres-cdc',
    title: 'Demo script: Postgres CDC in five minutes',
    type: 'demo_script',
    owner: 'leo',
    products: [P],
    personas: ['Data engineer'],
    stages: MID,
    age: 130,
    views: 55,
    touch: { share: 0.2, lift: 0.04 },
    notes: ['Published.'],
    body: `## Set-up
Logical replication on; one publication.

## Show
Update a row in Postgres; it is in the warehouse in under a minute.`,
  },

  // ---- Pricing sheets ----------------------------------------------------------------------------------------
  {
    key: 'ps-2026',
    title: 'Pricing sheet: Northwind Cloud 2026',
    type: 'pricing_sheet',
    owner: 'priya',
    products: [W, P, G],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    personas: ['CFO', 'Procurement'],
    stages: LATE,
    regions: ['North America'],
    age: 330,
    views: 200,
    touch: { share: 0.35, lift: 0.05 },
    notes: ['2026 list prices.', 'Governance add-on line.', 'Starter tier price change.'],
    was: [['$400', '$350']],
    body: `List prices in USD, per month, billed annually.

## Tiers
| Tier | Compute | Price |
|---|---|---|
| Starter | up to 2 warehouses | $400 |
| Team | up to 10 warehouses | $2,500 |
| Enterprise | unlimited, customer-managed keys | from $9,000 |

## Add-ons
Governance: 15% of the tier price (included in Enterprise). Premium support: 10%.`,
  },
  {
    key: 'ps-onboarding',
    title: 'Pricing sheet: onboarding packages',
    type: 'pricing_sheet',
    owner: 'priya',
    products: [W, P],
    segments: ['Mid-Market', 'Enterprise'],
    stages: LATE,
    age: 25,
    views: 20,
    notes: ['Published: fixed-scope onboarding packages.'],
    body: `## Packages
| Package | Scope | Price |
|---|---|---|
| Launch | 5 sources, 10 dashboards, 3 weeks | $12,000 |
| Migrate | warehouse migration, 6 weeks | $45,000 |`,
  },
  {
    key: 'ps-eur-gbp',
    title: 'Pricing sheet: EUR and GBP price list',
    type: 'pricing_sheet',
    owner: 'priya',
    products: [W, P, G],
    stages: LATE,
    regions: ['EMEA'],
    age: 320,
    views: 90,
    touch: { share: 0.3, lift: 0.05 },
    notes: ['2026 prices.', 'GBP prices rounded.'],
    was: [['£2,000', '£1,980']],
    body: `## Tiers
| Tier | EUR | GBP |
|---|---|---|
| Starter | €370 | £320 |
| Team | €2,300 | £2,000 |
| Enterprise | from €8,300 | from £7,200 |`,
  },

  // ---- Other -------------------------------------------------------------------------------------------------
  {
    key: 'ot-integration-guide',
    title: 'Integration guide: Salesforce, dbt and BI tools',
    type: 'other',
    owner: 'leo',
    products: [P],
    personas: ['Data engineer'],
    stages: MID,
    age: 290,
    views: 150,
    touch: { share: 0.2, lift: 0.03 },
    notes: ['First version.', 'Salesforce connector limits documented.', 'Power BI section.'],
    body: `How Northwind connects to the tools buyers ask about most.

## Salesforce
Managed connector; incremental every 15 minutes; custom objects included. Bulk API limits apply.

## dbt
dbt Core and dbt Cloud adapters; lineage imported automatically.

## BI tools
Tableau, Looker and Power BI through the native connectors; any JDBC/ODBC client otherwise.`,
  },
  {
    key: 'ot-redshift-playbook',
    title: 'Redshift migration playbook',
    type: 'other',
    owner: 'leo',
    competitors: ['Redshift'],
    products: [W, P],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['Data engineer'],
    stages: [...MID, ...LATE],
    age: 260,
    views: 80,
    touch: { share: 0.4, lift: 0.1 },
    notes: ['First version.', 'Added the week-by-week plan and the Tailspin reference.'],
    body: `The six-week plan that moved Fabrikam and Tailspin off Redshift.

## Week 1–2
Schema assessment and conversion; copy history.

## Week 3–4
Run both; compare every query's result daily.

## Week 5–6
Switch BI; turn Redshift off.`,
  },
  {
    key: 'ot-tco-calculator',
    title: 'TCO calculator vs Snowflake credits',
    type: 'other',
    owner: 'hannah',
    competitors: ['Snowflake'],
    products: [W],
    segments: ['Mid-Market', 'Enterprise'],
    personas: ['CFO'],
    stages: LATE,
    age: 230,
    views: 110,
    touch: { share: 0.35, lift: 0.12 },
    notes: ['First version.', 'Storage pricing added.'],
    body: `A guide to the calculator spreadsheet.

## Inputs
Three recent Snowflake invoices: credits by warehouse, storage TB, data transfer.

## Output
12-month cost on Northwind, with the assumptions listed.`,
  },
  {
    key: 'ot-reference-list',
    title: 'Customer reference list',
    type: 'other',
    owner: 'priya',
    products: [W, P, G],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    stages: LATE,
    age: 350,
    views: 120,
    touch: { share: 0.2, lift: 0.04 },
    notes: ['First version.', 'Three EMEA references added.', 'Removed a customer who churned.'],
    body: `Ask Priya before you contact a reference; each one takes two calls a quarter.

## North America
Contoso (retail), Fabrikam (manufacturing), Woodgrove Bank (financial services).

## EMEA
Northwind Traders (logistics), Alpine Ski House (retail), Coho Winery (consumer goods).`,
  },
  {
    key: 'ot-mutual-action-plan',
    title: 'Mutual action plan template',
    type: 'other',
    owner: 'leo',
    segments: ['Mid-Market', 'Enterprise'],
    stages: ['Proposal/Price Quote', 'Negotiation/Review'],
    age: 190,
    views: 85,
    touch: { share: 0.25, lift: 0.06 },
    notes: ['Published.'],
    body: `Share this with the champion after the POC.

## Steps
| Step | Owner | Date |
|---|---|---|
| Security review | Buyer CISO | |
| Commercial proposal | Northwind AE | |
| Legal redlines | Both | |
| Signature | Buyer CFO | |`,
  },
  {
    key: 'ot-objection-library',
    title: 'Objection handling library',
    type: 'other',
    owner: 'priya',
    products: [W, P, G],
    segments: ['SMB', 'Mid-Market', 'Enterprise'],
    stages: [...MID, ...LATE],
    age: 280,
    views: 130,
    touch: { share: 0.2, lift: 0.03 },
    notes: ['First version.', 'Added "no decision" objections.'],
    body: `## "You are too small."
400 customers, SOC 2 Type II, 99.95% uptime over 24 months.

## "We do not have time for a migration."
Start with new workloads; migrate the rest at your pace.

## "Now is not the time."
What does waiting cost? Put a number on the nightly failures.`,
  },
  {
    key: 'ot-roi-guide',
    title: 'ROI calculator guide',
    type: 'other',
    owner: 'priya',
    products: [W, P],
    personas: ['CFO'],
    stages: LATE,
    age: 210,
    views: 70,
    quiet: true,
    notes: ['Published.'],
    body: `## Inputs
Engineer hours on maintenance, tools replaced, current warehouse bill.

## Output
Payback period and three-year savings, ready for the business case.`,
  },
];
