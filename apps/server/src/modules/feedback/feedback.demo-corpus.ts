/**
 * The text corpus behind the demo's field feedback: what Northwind Cloud's reps logged after a year of calls.
 *
 * Each topic is one recurring theme with its own vocabulary (SCIM/Okta, credits/overage, CDC/Postgres, …) so the
 * clustering engine has real groups to find, and its texts are written per kind so a "praise" item never reads like
 * a complaint. `composeFeedback` adds the light noise of real notes (call prefixes, segment/region tags, shorthand,
 * the odd typo) so ~1,500 items are not exact copies of a few hundred sentences.
 */

export type DemoKind =
  | 'pain_point'
  | 'objection'
  | 'feature_request'
  | 'competitor_intel'
  | 'win_reason'
  | 'loss_reason'
  | 'praise'
  | 'question';

export const DEMO_KINDS: readonly DemoKind[] = [
  'pain_point',
  'objection',
  'feature_request',
  'competitor_intel',
  'win_reason',
  'loss_reason',
  'praise',
  'question',
];

export const DEMO_COMPETITORS = ['Snowflake', 'Databricks', 'BigQuery', 'Redshift'] as const;

export interface DemoTopic {
  /** Slug, e.g. 'sso-scim'. */
  key: string;
  /** What a PMM would name the theme. */
  themeName: string;
  /** Relative frequency: how often reps hit it. */
  weight: number;
  /** Kind weights for this topic. */
  kinds: Partial<Record<DemoKind, number>>;
  /** The competitor most mentioned with it (one of the four), or null. */
  competitor: string | null;
  /** Rep-written summaries (all kinds together). */
  texts: string[];
  /** Verbatim customer quotes (all kinds together). */
  quotes: string[];
  /** The same texts split by the kind they were written for; `composeFeedback` prefers these when present. */
  textsByKind?: Partial<Record<DemoKind, string[]>>;
  /** The same quotes split by kind. */
  quotesByKind?: Partial<Record<DemoKind, string[]>>;
}

export interface DemoFeedback {
  topic: string;
  kind: DemoKind;
  text: string;
  quote: string | null;
  competitor: string | null;
}

/** The subset of `seededRandom` (lib/random.ts) the composer needs. */
export interface DemoRandom {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
}

type KindBlock = { w: number; texts: string[]; quotes: string[] };

function topic(
  key: string,
  themeName: string,
  weight: number,
  competitor: string | null,
  blocks: Partial<Record<DemoKind, KindBlock>>,
): DemoTopic {
  const kinds: Partial<Record<DemoKind, number>> = {};
  const textsByKind: Partial<Record<DemoKind, string[]>> = {};
  const quotesByKind: Partial<Record<DemoKind, string[]>> = {};
  for (const kind of DEMO_KINDS) {
    const b = blocks[kind];
    if (!b) continue;
    kinds[kind] = b.w;
    textsByKind[kind] = b.texts;
    quotesByKind[kind] = b.quotes;
  }
  const texts = DEMO_KINDS.flatMap((k) => textsByKind[k] ?? []);
  const quotes = DEMO_KINDS.flatMap((k) => quotesByKind[k] ?? []);
  return { key, themeName, weight, kinds, competitor, texts, quotes, textsByKind, quotesByKind };
}

export const DEMO_TOPICS: DemoTopic[] = [
  topic('sso-scim', 'SSO and SCIM provisioning', 6, null, {
    feature_request: {
      w: 0.5,
      texts: [
        'Asked for SCIM provisioning so Okta can create and deprovision Northwind users automatically; today their IT team adds every analyst by hand.',
        'Wants SCIM 2.0 support alongside SSO. Group push from Okta into Northwind roles is the specific ask.',
        'Security team needs SCIM deprovisioning within minutes of offboarding in Okta. Without it they will not expand past the pilot team.',
        'Requested just-in-time user provisioning via SAML attributes, mapping Okta groups to Northwind workspace roles.',
        'Customer wants SSO enforced for everyone, with no password login fallback except one break-glass admin account.',
        'Asked if SCIM is on the roadmap for Q3. They have 900 seats to provision and refuse to manage users manually in our admin console.',
        'IT wants Okta group membership to drive Northwind roles through SCIM, so access reviews happen in one place.',
      ],
      quotes: [
        "We can't roll this out without SCIM.",
        "If Okta can't push groups into your roles, I'm not signing off.",
        'Deprovisioning has to happen the minute someone leaves. Automatically.',
      ],
    },
    pain_point: {
      w: 0.3,
      texts: [
        'Their admin spends hours every week syncing users from Okta because we only support SAML SSO, not SCIM.',
        'Offboarded contractors still had active Northwind accounts because nothing deprovisions them automatically. Their quarterly access review flagged it.',
        'SSO broke after they rotated the SAML signing certificate in OneLogin; users were locked out for half a day.',
        'Okta group-to-role mapping is manual, so every reorg means the IT admin re-clicking permissions for dozens of users.',
      ],
      quotes: [
        'My admin is literally copy-pasting users out of Okta every Monday.',
        'We found three ex-employees with active logins during the access review.',
      ],
    },
    objection: {
      w: 0.2,
      texts: [
        'IT director said no SCIM means no enterprise rollout; it is a hard requirement in their identity standards.',
        'SSO only on the Enterprise tier came up again. They feel SAML single sign-on should not be an upsell.',
        'Their Okta team will not approve any new SaaS without SCIM and enforced SSO, so the deal is parked in identity review.',
        'Pushback on the SSO tax: they called Enterprise-only SAML a dealbreaker for a 40-person data team.',
        'Their CISO will not sign until SSO is mandatory for all users and SCIM handles joiners, movers and leavers.',
      ],
      quotes: [
        'Charging extra for SSO is a non-starter for us.',
        'No SCIM, no enterprise deal. That is our identity policy.',
      ],
    },
  }),

  topic('snowflake-credit-pricing', 'Usage-based pricing vs Snowflake credits', 6, 'Snowflake', {
    objection: {
      w: 0.5,
      texts: [
        'CFO pushed back on usage-based pricing; they want a fixed annual number instead of consumption credits that can spike into overage.',
        'They do not trust credit-based pricing after a surprise Snowflake overage bill last year. Asking for a hard cap on consumption.',
        'Finance objected to paying overage on compute credits mid-contract and wants unused credits to roll over into the next term.',
        "Procurement compared our per-credit rate to Snowflake's capacity pricing and says we are 20% higher per credit.",
        'Worried that consumption pricing punishes analysts for exploring data; they would rather pay a flat rate for unlimited queries.',
        'Objection on overage rates: 1.5x list price on excess credits felt punitive to their VP Data.',
        'Wants pricing per seat instead of per credit, because their budgeting process cannot handle variable consumption charges.',
      ],
      quotes: [
        'Our CFO hates variable bills. Give me a number I can put in the plan.',
        'We got burned by credit overage once. Never again.',
        'Usage-based sounds great until the invoice shows up.',
      ],
    },
    competitor_intel: {
      w: 0.3,
      texts: [
        'Snowflake offered a 30% discount on prepaid capacity credits plus free Snowpark credits if they sign before quarter end.',
        "Snowflake rep is positioning their credits as cheaper by leaving out storage and cloud services charges. Customer hadn't noticed.",
        'Heard Snowflake is letting unused capacity credits roll over for two years in competitive deals against us.',
        'Snowflake bundled Cortex AI credits into the renewal so their effective per-credit price looks lower than our consumption rate.',
        'Snowflake is quoting a lower on-demand credit price in EMEA and pointing out that our overage rate is higher.',
      ],
      quotes: [
        'Snowflake will throw in free credits if we sign this quarter.',
        'Their credits look cheaper until you add storage.',
      ],
    },
    question: {
      w: 0.2,
      texts: [
        'Asked how our credit consumption maps to Snowflake warehouse sizes so they can compare usage pricing apples to apples.',
        "Question: do idle warehouses burn credits, and is there an auto-suspend like Snowflake's?",
        'Wanted to know whether overage on credits is billed monthly or trued up at the end of the term.',
        'Asked for a credit consumption estimate for their workload before they will accept usage-based pricing.',
      ],
      quotes: [
        'How many of your credits equal one Snowflake credit?',
        'Do unused credits roll over or do we lose them?',
      ],
    },
  }),

  topic('databricks-notebooks-ml', 'Databricks notebooks and ML workloads', 5, 'Databricks', {
    objection: {
      w: 0.4,
      texts: [
        'Data science team lives in Databricks notebooks and will not move; they see us as a SQL warehouse with no machine learning story.',
        'Objection: no native Python notebooks, so their ML engineers would still need Databricks for feature engineering and model training.',
        'They asked where MLflow fits. Without experiment tracking next to the data, the data science org will not back the switch.',
        'Head of ML said Spark on Databricks handles their unstructured data and doubts we can run PySpark-style workloads.',
        'Pushback that running two platforms, us for BI plus Databricks for ML, costs more than standardizing on the lakehouse.',
        'Their ML platform team already standardized on Databricks notebooks and MLflow; they only see room for us in BI reporting.',
      ],
      quotes: [
        'Our data scientists live in notebooks. Where do they go?',
        "You're a great warehouse, but we're an ML shop.",
        "Our models train in Databricks. Moving just BI isn't worth a second platform.",
      ],
    },
    competitor_intel: {
      w: 0.4,
      texts: [
        'Databricks is pitching the lakehouse as one platform for BI and ML, and offered free DBUs to migrate their notebooks.',
        'Databricks SQL Serverless came up; their rep claims warehouse performance parity at a lower DBU cost.',
        'Databricks brought a solutions architect to rebuild the churn model in notebooks during the eval. Data scientists were impressed.',
        'Databricks is pitching Unity Catalog for ML assets and feature tables; customer thinks it is good enough for models and notebooks.',
        'Heard Databricks is bundling Mosaic AI model serving credits to lock in the data science org.',
      ],
      quotes: ['Databricks gives us BI and ML in one bill.', 'Their architect rebuilt our model in two days.'],
    },
    feature_request: {
      w: 0.2,
      texts: [
        'Requested a Python notebook experience inside Northwind Warehouse so data scientists can train models next to the data.',
        'Asked for a Spark-compatible DataFrame API and MLflow integration for feature tables.',
        'Wants Jupyter notebooks that run on our compute, with GPU options for model training and batch inference.',
        'Data science lead asked for a model registry and scheduled notebook jobs so they can retire their Databricks workspace.',
        'Asked for feature store support so ML engineers can reuse warehouse tables as training features without copying data to Databricks.',
      ],
      quotes: [
        "Give me a notebook next to the data and I'll stop exporting CSVs.",
        'Where does MLflow fit in your world?',
      ],
    },
  }),

  topic('bigquery-google-credits', 'BigQuery bundled with Google Cloud commits', 4, 'BigQuery', {
    competitor_intel: {
      w: 0.5,
      texts: [
        'Google is bundling BigQuery into their Google Cloud commit, so they can burn down existing GCP credits instead of finding new budget.',
        'BigQuery offered $250k in Google Cloud credits plus free Looker seats if they consolidate analytics on GCP.',
        'Their Google account team positions BigQuery as effectively free because it draws down the committed spend agreement.',
        'Heard Google is discounting BigQuery editions for customers already on Google Workspace and Vertex AI.',
        "Google's partner offered a funded migration to BigQuery, paid for out of GCP marketplace credits.",
        'BigQuery slot reservations pitched at a steep discount if they sign a three-year Google Cloud commitment.',
        'Google offered to waive BigQuery storage costs for a year and throw in Gemini credits if they move analytics to GCP.',
      ],
      quotes: [
        'Google basically gave us BigQuery for free with the commit.',
        "They'll fund the whole migration out of GCP credits.",
        'Our Google rep said BigQuery costs nothing extra this year.',
      ],
    },
    objection: {
      w: 0.3,
      texts: [
        'They have a large GCP commitment to burn down, so any spend outside Google Cloud is hard to justify to finance.',
        'Objection: buying us does not retire their Google Cloud commit, BigQuery does. Asked if we transact through GCP Marketplace.',
        'CFO asked why pay for a separate warehouse when BigQuery is already included in their Google contract.',
        'Pushback that BigQuery is "free" under their Google enterprise agreement. Hard to compete with money already committed to GCP.',
        'Finance wants any new warehouse spend to count toward their GCP commitment; otherwise BigQuery wins by default.',
      ],
      quotes: ['We have to burn down our GCP commit first.', 'Can we buy you through Google Cloud Marketplace?'],
    },
    loss_reason: {
      w: 0.2,
      texts: [
        'Lost to BigQuery: Google credits covered year one entirely and we could not match zero dollars.',
        'Closed lost. They consolidated on Google Cloud and BigQuery came bundled into the GCP commit renewal.',
        'Lost because we are not listed on GCP Marketplace, so the purchase could not count toward their Google commitment.',
        'Lost: their CTO decided to go all-in on Google Cloud, and BigQuery plus Looker came with the GCP commit.',
      ],
      quotes: [
        "We couldn't justify new money when BigQuery is already paid for.",
        "Google credits covered the first year, so it wasn't close.",
      ],
    },
  }),

  topic('redshift-migration', 'Migrating off Redshift', 5, 'Redshift', {
    question: {
      w: 0.3,
      texts: [
        'Asked how long a Redshift migration takes for 40 TB and 600 stored procedures, and whether we convert the SQL dialect.',
        'Question on whether our migration tooling handles Redshift distribution keys, sort keys and late-binding views.',
        'Wanted to know if we can run in parallel with Redshift during cutover so dashboards do not break.',
        'Asked if we have a Redshift SQL translator or if their team rewrites the stored procedures by hand.',
        'Asked whether our Redshift migration service validates row counts and query results table by table.',
      ],
      quotes: ['How much of our Redshift SQL will just work?', 'Can we run both side by side during cutover?'],
    },
    pain_point: {
      w: 0.3,
      texts: [
        'Redshift vacuum and concurrency scaling problems are killing their morning dashboard loads; WLM queues back up every Monday.',
        'They resize Redshift clusters manually and still hit disk-full errors during month-end loads.',
        'Their small data team spends half its week tuning Redshift WLM queues and sort keys instead of building models.',
        'Redshift cluster maintenance windows keep interrupting overnight ETL, and they want out of RA3 node management.',
        'Redshift concurrency limits mean analysts wait in queue behind ETL jobs; they call it the Redshift traffic jam.',
      ],
      quotes: [
        'I spend my Mondays babysitting Redshift queues.',
        'Every month-end we hit disk full on the Redshift cluster.',
      ],
    },
    competitor_intel: {
      w: 0.2,
      texts: [
        'AWS is offering Redshift Serverless credits and migration funding to keep them from leaving Redshift.',
        'AWS account team pitched Redshift zero-ETL from Aurora as the reason to stay, plus a bigger EDP discount.',
        "Redshift team claims Serverless fixes concurrency; the customer's own trial showed cold-start lag on dashboards.",
      ],
      quotes: ['AWS will pay for Redshift Serverless to keep us.'],
    },
    win_reason: {
      w: 0.2,
      texts: [
        'Won: automated Redshift migration converted 90% of their SQL and cut over in six weeks without downtime.',
        'Closed won against staying on Redshift. No more cluster resizing, vacuum jobs or WLM tuning sold the data team.',
        'Won the Redshift replacement because we ran side by side for a month and matched every dashboard number.',
      ],
      quotes: [
        'Never having to vacuum anything again sold my team.',
        'You matched every Redshift number, so the cutover was easy.',
      ],
    },
  }),

  topic('salesforce-connector', 'Salesforce connector', 4, null, {
    feature_request: {
      w: 0.4,
      texts: [
        'Asked for incremental sync of Salesforce custom objects and formula fields in the Pipelines connector.',
        'Wants Salesforce field history tables (OpportunityFieldHistory) synced so RevOps can analyze stage changes.',
        'Requested Salesforce Bulk API 2.0 support to speed up the initial backfill of 30M Task records.',
        'Wants the Salesforce connector to capture deleted and archived records, not just inserts and updates.',
        'RevOps asked for Salesforce CPQ objects (quotes, quote lines) in the connector.',
        'Wants the Salesforce connector to sync Account and Opportunity changes every five minutes for a live pipeline board.',
      ],
      quotes: [
        'RevOps needs field history from Salesforce or the forecast model is useless.',
        'Can you sync our CPQ objects?',
        'Just give us every Salesforce object, custom ones included.',
      ],
    },
    pain_point: {
      w: 0.4,
      texts: [
        'Salesforce connector sync keeps failing on formula fields and hits their daily API call limit by noon.',
        'RevOps complains the Salesforce sync lags six hours, so pipeline dashboards are stale for the Monday forecast call.',
        'New custom fields in Salesforce break the Pipelines connector until someone re-maps the schema.',
        'Initial Salesforce backfill took four days and consumed the API allowance of their whole Salesforce org.',
        'Salesforce connector silently skipped records when a field-level security change hid fields from the integration user.',
      ],
      quotes: [
        'Your Salesforce sync ate our API limit before lunch.',
        'Every time an admin adds a custom field, the Salesforce pipeline breaks.',
      ],
    },
    question: {
      w: 0.2,
      texts: [
        'Asked whether the Salesforce connector syncs custom objects and picklist labels out of the box.',
        'Question about how the Salesforce connector handles sandbox versus production orgs.',
        'Wanted to know if the Salesforce sync counts against their REST API quota or uses the Bulk API.',
        'RevOps asked how often the Salesforce connector polls for changes and whether they can pick the sync frequency.',
        'Asked whether one Salesforce connector can sync two Salesforce orgs after their acquisition, or if they need two.',
      ],
      quotes: ['Does it pick up our custom objects automatically?', 'Can we point it at a Salesforce sandbox first?'],
    },
  }),

  topic('dbt-integration', 'dbt integration', 4, null, {
    feature_request: {
      w: 0.4,
      texts: [
        'Analytics engineers want dbt Cloud jobs triggered from Northwind Pipelines as soon as ingestion finishes.',
        'Asked for dbt model docs and tests to show up in our catalog next to the tables they build.',
        'Requested that the dbt adapter support incremental models with the merge strategy on Northwind Warehouse.',
        'Wants dbt test failures surfaced as alerts in our UI instead of buried in dbt Cloud run logs.',
        'Asked for dbt Core orchestration inside our scheduler so they can drop Airflow.',
        'Wants dbt exposures and model owners pulled into our platform so analysts know who owns each dbt model.',
      ],
      quotes: [
        'Kick off dbt the second the load lands. That is all I want.',
        'Put our dbt tests where people actually look.',
      ],
    },
    question: {
      w: 0.3,
      texts: [
        'Asked whether the dbt adapter is first-party or community maintained, and which dbt versions it supports.',
        'Question on how dbt snapshots and seeds perform on our warehouse compared to their current setup.',
        'Wanted to know if dbt Semantic Layer metrics can be queried from our SQL endpoint.',
        'Asked if we parse the dbt manifest.json to pull model descriptions and owners.',
        'Asked if the dbt adapter supports dbt Python models or only SQL models.',
      ],
      quotes: ['Is the dbt adapter first-party?', 'Do you read our dbt manifest?'],
    },
    praise: {
      w: 0.3,
      texts: [
        'Analytics engineering lead said the dbt adapter made this their smoothest migration; 300 dbt models ran on day one.',
        'dbt runs dropped from 50 minutes to 12 after moving to our warehouse. The analytics engineers were thrilled.',
        'Customer loved that dbt model descriptions show up automatically in our catalog.',
        'Praise for the dbt integration: incremental models just worked with merge, no macro hacks.',
        'Analytics engineers praised dbt incremental runs on our warehouse; their hourly dbt job now finishes in four minutes.',
      ],
      quotes: [
        'Our dbt project ran untouched on day one.',
        'dbt build went from fifty minutes to twelve.',
        'Our hourly dbt job finishes in four minutes now.',
      ],
    },
  }),

  topic('eu-data-residency', 'EU data residency and GDPR', 5, null, {
    objection: {
      w: 0.4,
      texts: [
        'German prospect requires all data, including backups and logs, to stay in the EU; our Frankfurt region does not cover support access.',
        'Their DPO objected that US-based support staff could access EU personal data, which is a Schrems II problem for them.',
        'They will not sign without EU-only data residency written into the DPA, covering every subprocessor.',
        'Works council in France needs data residency guarantees before any employee data lands in the platform.',
        'Objection: our metadata service runs in us-east, so EU residency is incomplete in the view of their GDPR counsel.',
        'Their GDPR team wants contractual proof that no EU personal data is processed by our US engineering staff, even for debugging.',
      ],
      quotes: ['Our data does not leave the EU. Full stop.', "If your US support team can see it, that's a transfer."],
    },
    question: {
      w: 0.4,
      texts: [
        'Asked which EU regions we run in, and whether disaster recovery failover ever leaves the EU.',
        'GDPR question: how do we handle right-to-erasure requests across replicas and time travel snapshots?',
        'Asked for our subprocessor list and where each subprocessor stores EU personal data.',
        'Wanted to know if we rely on the EU-US Data Privacy Framework or Standard Contractual Clauses for GDPR transfers.',
        'Question on whether customer-managed encryption keys can sit in an EU-based HSM for data residency.',
        'Asked if we offer an EU-only support option where only EU-based engineers handle tickets touching EU personal data.',
      ],
      quotes: [
        'Where exactly does failover go?',
        'How do you delete someone from your backups under GDPR?',
        'Which subprocessors touch our EU personal data?',
      ],
    },
    loss_reason: {
      w: 0.2,
      texts: [
        'Lost in Germany: no sovereign cloud option, and EU residency did not extend to support and telemetry.',
        'Closed lost to a vendor with an EU sovereign region. Their GDPR counsel would not accept our transfer mechanism.',
        'Lost the Dutch bank over data residency; they need EU-only operations staff touching their personal data.',
        'Closed lost. Their data residency review failed because our telemetry pipeline sends usage metadata to the US.',
      ],
      quotes: [
        "Our privacy counsel wouldn't accept the transfer mechanism.",
        'We needed EU-only operations and you could not give us that.',
      ],
    },
  }),

  topic('hipaa-soc2-evidence', 'HIPAA BAA and SOC 2 evidence', 4, null, {
    question: {
      w: 0.6,
      texts: [
        'Asked for our SOC 2 Type II report and a bridge letter covering the gap since the last audit period.',
        'Healthcare prospect asked whether we sign a BAA and whether PHI is allowed in every region.',
        'Compliance asked which SOC 2 trust services criteria are in scope and whether Pipelines is covered by the report.',
        'Question: is the HIPAA BAA available on the mid-tier plan or only on Enterprise?',
        'Asked for HITRUST certification; told them we have SOC 2 Type II and HIPAA attestation but no HITRUST yet.',
        'Asked for the exceptions section of our SOC 2 report and management responses before their auditor reviews it.',
        'Wanted to know if our SOC 2 report covers subservice organizations like AWS under the carve-out method.',
        'Asked whether our SOC 2 Type II covers the Governance product and maps to the HIPAA Security Rule safeguards.',
      ],
      quotes: [
        'Can you send the SOC 2 Type II and the bridge letter?',
        'Will you sign our BAA or only yours?',
        'Is PHI allowed in every region, or just the US ones?',
      ],
    },
    objection: {
      w: 0.2,
      texts: [
        'They will not proceed without a signed BAA, and our BAA terms on breach notification timing are unacceptable to them.',
        'Objection: our SOC 2 report is eleven months old and their policy needs one dated within the last twelve months at signature.',
        'Hospital system flagged that PHI in query logs is not covered by our BAA language.',
        'Their privacy officer will not let PHI into Northwind until our BAA covers backups and disaster recovery copies.',
      ],
      quotes: ['No BAA, no PHI, no deal.', "Our auditor won't accept a SOC 2 report that old."],
    },
    pain_point: {
      w: 0.2,
      texts: [
        'Getting the SOC 2 report took them two weeks through our NDA process; compliance was annoyed.',
        'Their compliance team has to collect HIPAA evidence from us by hand every quarter for their own audit.',
        'Pain: our BAA only covers Warehouse, so PHI cannot flow through Pipelines and they need a separate HIPAA-eligible tool.',
        'Their auditor asked for our SOC 2 control mapping to HIPAA safeguards and we had nothing prepared.',
      ],
      quotes: ['It took two weeks just to get your SOC 2 report.', "Every quarter I'm chasing you for HIPAA evidence."],
    },
  }),

  topic('row-level-security', 'Row-level security and column masking', 4, null, {
    feature_request: {
      w: 0.5,
      texts: [
        'Asked for row-level security policies driven by a user attribute, so regional managers only see their own territory rows.',
        'Wants dynamic column masking on PII columns (SSN, email) by role, instead of maintaining a pile of masked views.',
        'Requested tag-based masking policies: tag a column as PII once and have masking apply everywhere it is used.',
        'Asked for row access policies that still apply per end user when queries come through a shared BI service account.',
        'Wants masking that shows the last four digits of card numbers to support agents but full values to finance.',
        'Wants row access policies driven by a mapping table of users to cost centers, maintained by the HR data team.',
        'Asked for column masking that hashes email addresses consistently so analysts can still join on masked columns.',
      ],
      quotes: [
        'Regional managers should only ever see their own rows.',
        'Tag it PII once and forget about it.',
        'Hash the emails but let us still join on them.',
      ],
    },
    question: {
      w: 0.3,
      texts: [
        'Asked if row-level security is enforced on materialized views and cached query results.',
        'Question on whether masking policies carry over when someone runs CREATE TABLE AS SELECT from a masked column.',
        'Asked how row-level policies perform on a 2B-row table; worried about query overhead from row filters.',
        'Wanted to know if they can test a masking policy as another role before rolling it out.',
        'Asked whether row-level security and masking policies apply to data shares with external consumers.',
      ],
      quotes: ['Does the masking survive a CTAS?', 'What does a row policy cost us in query time?'],
    },
    win_reason: {
      w: 0.2,
      texts: [
        'Won because row-level security and column masking were set up in an afternoon; the Snowflake trial needed custom secure views.',
        'Closed won: tag-based PII masking satisfied their privacy office without rebuilding 200 views.',
        'Won the bank on row access policies per branch; the other vendor needed a separate schema per region.',
        'Won on column masking: analysts kept access to customer tables while PII stayed masked, which their privacy office required.',
      ],
      quotes: ['We did row-level security in an afternoon. That sold it.', 'No more secure views for every region.'],
    },
  }),

  topic('onboarding-implementation', 'Onboarding time and implementation services', 5, null, {
    pain_point: {
      w: 0.5,
      texts: [
        'Implementation is dragging: eight weeks after kickoff they still do not have production data flowing.',
        'Onboarding stalled because our implementation partner rotated consultants twice; customer had to re-explain their data model.',
        'Customer says the onboarding guides assume a data engineer; their analysts could not finish setup without services.',
        'No dedicated onboarding manager on the mid-market tier, so their implementation questions sit in the general queue.',
        'Their go-live slipped a month while our professional services team scoped the SOW.',
        'Onboarding enablement sessions were too generic; they asked for a hands-on implementation workshop with their own tables.',
        'Kickoff happened, then our onboarding team went quiet for two weeks; customer asked who actually owns their implementation.',
      ],
      quotes: [
        "We're two months into implementation and nothing is in production.",
        'Every new consultant asks us the same questions.',
        'Kickoff was great, then nobody called us for two weeks.',
      ],
    },
    objection: {
      w: 0.3,
      texts: [
        'Concern that implementation takes three months; they need the platform live before the fiscal year closes.',
        'Objection to a $60k professional services SOW on top of the license; they expected onboarding to be included.',
        'They worry they lack headcount to implement and want a fixed-fee implementation package with a committed go-live date.',
        'Pushback that our implementation plan needs too much of their engineering team during a busy quarter.',
        'They are concerned implementation will pull two engineers off roadmap work for an entire quarter.',
      ],
      quotes: [
        "I can't spend sixty grand on services before we're even live.",
        'Give me a fixed fee and a go-live date.',
      ],
    },
    question: {
      w: 0.2,
      texts: [
        'Asked what a typical implementation timeline looks like for a team of five with 20 sources.',
        'Wanted to know if onboarding includes a named implementation consultant and weekly check-ins until go-live.',
        'Question about whether certified partners can run the implementation at a lower day rate than our services team.',
        'Asked whether implementation services include rebuilding their existing dashboards or only setting up ingestion.',
      ],
      quotes: ["Who's our implementation person, by name?", 'How long does onboarding really take?'],
    },
  }),

  topic('large-join-performance', 'Query performance on large joins', 4, 'Snowflake', {
    pain_point: {
      w: 0.6,
      texts: [
        'Large joins between the 3B-row events table and orders time out after 30 minutes; the query spills to disk.',
        'Query performance degrades on multi-way joins with skewed customer keys; one node does all the work.',
        'Their attribution model joins eight fact tables and takes 40 minutes, so the analysts only run it overnight now.',
        'Complained that join-heavy queries spill to remote storage and the query profile does not explain why.',
        'Dashboard queries with large joins crawl at 9am under peak load; p95 query latency is over 20 seconds.',
        'No automatic clustering on join keys, so they manually re-sort tables to keep joins fast.',
        'Joins on high-cardinality keys blow up memory; they had to break the quarterly revenue query into six steps.',
        'Broadcast joins pick the wrong side on large tables, so they hand-write join hints in every heavy query.',
      ],
      quotes: [
        'Our big join just spins for thirty minutes and dies.',
        'Every query slows to a crawl at nine in the morning.',
        'We split one join into six queries just to get it to finish.',
      ],
    },
    competitor_intel: {
      w: 0.2,
      texts: [
        'Snowflake ran their join benchmark on a 4XL warehouse and beat us by 30%, at roughly triple the cost.',
        "Snowflake's search optimization and clustering keys came up as the reason their large joins are faster there.",
        'The Snowflake benchmark used pre-aggregated tables; our raw join queries were never compared fairly.',
        'Snowflake claims their new join optimizer handles skewed keys automatically; customer wants us to rerun the join benchmark.',
      ],
      quotes: [
        'Snowflake was faster, but on a warehouse three times the size.',
        "Snowflake says their optimizer handles skewed joins. Prove you're faster.",
      ],
    },
    praise: {
      w: 0.2,
      texts: [
        'Their 12-table join dropped from 18 minutes to 90 seconds after turning on our adaptive join engine.',
        'Analyst called the skewed-join handling magic; queries that used to spill now finish in under a minute.',
        'Praise for the query profile: it made obvious which join was exploding, and the fix took five minutes.',
        'Analytics lead said large joins across orders and events now finish faster than their old materialized views used to refresh.',
      ],
      quotes: [
        'Eighteen minutes to ninety seconds. I made them run the query twice.',
        'The query profile showed exactly which join blew up.',
      ],
    },
  }),

  topic('cost-forecasting-budgets', 'Cost forecasting and budget alerts', 4, null, {
    feature_request: {
      w: 0.6,
      texts: [
        "Asked for budget alerts that email the owner when a team's monthly spend crosses 80% of its budget.",
        'Wants a spend forecast for the rest of the month based on the current run rate, broken down by department.',
        'Requested hard budget limits that suspend non-production workloads instead of only sending an alert.',
        'FinOps team wants cost attribution by tag so they can charge back spend to each business unit.',
        'Asked for a Slack alert whenever a single query costs more than $200, with the user and query text.',
        'Wants an annual spend forecast they can hand to finance during budget planning.',
        'Wants budget alerts to page the on-call engineer, not just email finance, when spend runs away overnight.',
        "Asked for a cost forecast per project so product teams see next month's spend before they launch a new workload.",
      ],
      quotes: [
        'Tell me before we blow the budget, not after.',
        'I need chargeback by team for the CFO.',
        'Page me when spend goes sideways at 2am.',
      ],
    },
    pain_point: {
      w: 0.3,
      texts: [
        'Finance got surprised by a $40k month because a runaway job looped all weekend and no budget alert fired.',
        'They cannot tell which team drove the spend spike; the usage page only shows account-level totals.',
        "Forecasting next year's spend is guesswork, so FinOps pads the budget by 40%.",
        'Month-end cost reporting means exporting usage to a spreadsheet and allocating spend by hand.',
        'FinOps spends two days every month reconciling our invoice against usage because spend cannot be grouped by cost center.',
      ],
      quotes: [
        'A runaway job cost us forty grand over one weekend.',
        "I can't forecast spend, so I just pad the budget.",
      ],
    },
    question: {
      w: 0.1,
      texts: [
        'Asked if we expose cost and usage data through an API so their FinOps tool (CloudZero) can ingest it.',
        'Question on whether budget alerts can be set per warehouse or only for the whole account.',
        'Asked if forecasted spend accounts for seasonality, since their retail traffic triples in Q4.',
      ],
      quotes: ['Can our FinOps tool pull your cost data?', 'Does your spend forecast know about our Q4 peak?'],
    },
  }),

  topic('lineage-impact-analysis', 'Lineage and impact analysis', 3, null, {
    feature_request: {
      w: 0.5,
      texts: [
        'Asked for column-level lineage from source through dbt models to Tableau dashboards for impact analysis.',
        'Wants impact analysis before dropping a column: show every downstream table and dashboard that would break.',
        'Requested lineage that extends into Pipelines so they can trace a metric back to the source system.',
        'Data platform lead wants to export our lineage graph to their catalog via OpenLineage.',
        'Asked for automatic notices to downstream owners when an upstream schema change shows up in lineage.',
        'Asked for lineage showing which BI workbooks read each column before they refactor the revenue model.',
        'Wants impact analysis in pull requests: show downstream lineage for changed dbt models before merge.',
        'Requested lineage history so they can see what the lineage graph looked like at the time of a past incident.',
      ],
      quotes: [
        'Before I drop a column, show me everything downstream that breaks.',
        'We need lineage all the way to the dashboard.',
        'Show me downstream lineage right in the pull request.',
      ],
    },
    praise: {
      w: 0.3,
      texts: [
        'Customer loved the lineage graph; they found an orphaned table feeding the board deck in five minutes.',
        "Praise from the data steward: column-level lineage answered an auditor's question that used to take a week.",
        'Impact analysis caught a breaking change before a deploy, and the analytics lead demoed the lineage view to their CDO.',
        'Data engineer praised impact analysis for showing exactly which downstream dashboards a column rename would break.',
      ],
      quotes: [
        'I found the orphaned table in five minutes with lineage.',
        "The auditor's lineage question took me one click.",
      ],
    },
    win_reason: {
      w: 0.2,
      texts: [
        'Won on lineage: automated column-level lineage meant they could drop their separate data catalog.',
        'Closed won. Impact analysis across dbt and BI was the differentiator versus Databricks Unity Catalog in the evaluation.',
        'Win reason: regulators asked for data lineage on risk reports, and ours was the only one covering upstream sources end to end.',
        'Closed won: column-level lineage let their governance team answer BCBS 239 data lineage questions without manual spreadsheets.',
      ],
      quotes: [
        'Lineage is why we could cancel the catalog contract.',
        'Regulators asked for lineage and we had it in one click.',
      ],
    },
  }),

  topic('bi-connectors', 'Tableau and Power BI connectors', 4, null, {
    pain_point: {
      w: 0.4,
      texts: [
        'Power BI DirectQuery against our warehouse times out on large visuals, so they fall back to import mode and stale data.',
        'Tableau extracts refresh slowly through our ODBC driver, and the Tableau Server refresh window keeps overrunning.',
        'Their Power BI gateway needs an ODBC driver install on every gateway machine and IT hates maintaining it.',
        'Tableau users hit a bug where timestamp columns come through in UTC instead of local time.',
        'Power BI service cannot pass user identity through to our warehouse, so every report shares one service account.',
        'Power BI refresh fails intermittently through the gateway with ODBC timeout errors on large datasets.',
      ],
      quotes: [
        "DirectQuery just times out, so everyone imports and the data's a day old.",
        'Every Tableau extract refresh overruns the window.',
        'The Power BI gateway is the most fragile thing we run.',
      ],
    },
    feature_request: {
      w: 0.3,
      texts: [
        'Asked for a certified Power BI connector in the Power BI service so they can drop the on-prem gateway.',
        'Wants a native Tableau connector with OAuth instead of the generic ODBC driver.',
        'Requested Looker and Sigma support for our metric definitions, not just Tableau and Power BI.',
        'Wants Power BI DirectQuery with query folding so report filters push down into the warehouse.',
        'Wants Tableau published data sources to reuse our metric definitions so every workbook shares one revenue measure.',
      ],
      quotes: [
        'Get your connector certified in the Power BI service.',
        'I want OAuth in Tableau, not a shared password.',
      ],
    },
    question: {
      w: 0.3,
      texts: [
        'Asked whether our Tableau connector supports live connections with per-user OAuth credentials.',
        'Question: is the Power BI connector certified by Microsoft or a custom one we maintain?',
        'Wanted to know if Excel and Power Query can connect directly for finance users.',
        'Asked if Tableau Cloud can reach our warehouse over a private link.',
        'Asked if Power BI composite models work with our connector, mixing import and DirectQuery tables.',
      ],
      quotes: [
        'Can my finance team hit this from Excel?',
        'Is the Tableau connector a live connection or extracts only?',
      ],
    },
  }),

  topic('api-rate-limits', 'API rate limits', 3, null, {
    pain_point: {
      w: 0.6,
      texts: [
        'Their integration keeps hitting 429 Too Many Requests on the REST API when polling query status.',
        'API rate limit of 100 requests per minute throttles their internal app, which fires hundreds of small queries.',
        'Engineering complains rate limits apply per account rather than per user, so one noisy job throttles everyone.',
        'The API does not return Retry-After headers on 429 responses, so their client backs off blindly.',
        'Rate limiting on the metadata API makes their nightly sync of table metadata take six hours.',
        'Embedded analytics team gets API throttling during peak traffic, and their own customers see errors.',
        'Their client library retries immediately on 429, which turns API throttling into retry storms.',
        'Rate limits on the query API are undocumented, so engineering found the limit by getting throttled in production.',
        'Partner integration gets throttled at 100 requests per minute shared across all of their end customers.',
      ],
      quotes: [
        "We're drowning in 429s.",
        "One team's script throttles the whole company's API quota.",
        'We only found out about the rate limit when production got throttled.',
      ],
    },
    feature_request: {
      w: 0.4,
      texts: [
        'Asked for higher API rate limits on Enterprise, or a burst allowance for batch jobs.',
        'Wants bulk API endpoints so they can submit 500 statements in one request instead of 500 calls.',
        'Requested rate limit headers (remaining, reset) on every API response so they can throttle client-side.',
        'Wants webhooks for query completion instead of polling the status endpoint and burning their API rate limit.',
        'Asked for per-service-account rate limits so the nightly job cannot starve interactive API users.',
        'Wants an async query API with paginated results so they stop hammering endpoints and hitting 429s.',
        'Requested a published rate limit table per endpoint in the API docs.',
      ],
      quotes: [
        'Give me a webhook so I can stop polling your API.',
        'Just tell me my remaining quota in the headers.',
        'We need a burst allowance for the nightly batch.',
      ],
    },
  }),

  topic('reverse-etl', 'Reverse ETL to business apps', 3, null, {
    feature_request: {
      w: 0.7,
      texts: [
        'Asked for reverse ETL to push product-qualified lead scores from the warehouse back into HubSpot.',
        'Marketing ops wants audiences synced from Northwind to Marketo and Braze without buying Hightouch.',
        'Wants churn risk scores synced back to Zendesk so support agents see them on every ticket.',
        'Asked if Pipelines could write data back to operational tools; they pay Census separately just for activation.',
        'Requested activation syncs from warehouse tables to Google Ads and Meta custom audiences.',
        'Wants reverse ETL with upserts and field mapping, so lifecycle marketing stops uploading CSVs.',
        'Growth team asked for hourly reverse ETL syncs of product usage into Intercom.',
        'Customer success wants health scores pushed from the warehouse into Gainsight nightly via reverse ETL.',
        'Asked for reverse ETL into the CRM so account owners see product usage without opening a dashboard.',
      ],
      quotes: [
        'Get the scores out of the warehouse and into HubSpot.',
        "We're paying Census just to move data back out.",
        "I'm done uploading CSVs to Marketo.",
      ],
    },
    question: {
      w: 0.2,
      texts: [
        'Asked whether Pipelines supports reverse ETL or only ingestion into the warehouse.',
        'Question: can we sync warehouse audiences back to Braze on a schedule without a third-party activation tool?',
        'Wanted to know if reverse ETL is on the roadmap or if we partner with Hightouch and Census.',
        'Asked how reverse ETL syncs handle records HubSpot rejects, and whether failed records are retried.',
      ],
      quotes: ['Do you do reverse ETL or just ingestion?', 'Can the warehouse push audiences to Braze on its own?'],
    },
    loss_reason: {
      w: 0.1,
      texts: [
        'Lost the data activation deal; they needed reverse ETL to HubSpot and Braze and chose a bundle that includes it.',
        'Closed lost: marketing ops owned the budget and wanted ingestion plus reverse ETL activation in one tool.',
        'Lost to a Hightouch plus Snowflake stack; marketing wanted reverse ETL audiences in Braze on day one.',
      ],
      quotes: [
        'Marketing needed activation, and you only load data in.',
        "Hightouch already syncs our audiences. You'd need to replace that too.",
      ],
    },
  }),

  topic('postgres-cdc-streaming', 'Streaming CDC from Postgres', 4, 'Databricks', {
    feature_request: {
      w: 0.5,
      texts: [
        'Asked for log-based CDC from Postgres via logical replication, with sub-minute latency into the warehouse.',
        'Wants real-time ingestion from their Postgres replicas; hourly batch loads are too slow for fraud alerts.',
        'Requested CDC support for Postgres on Aurora and Cloud SQL, including schema changes and deletes.',
        'Wants a Kafka and Debezium source so they can stream change events from Postgres into Northwind Pipelines.',
        'Asked for streaming upserts so CDC changes merge into tables without a nightly full reload.',
        "Needs Postgres CDC that handles replication slot lag gracefully instead of filling the primary's disk.",
        'Wants Postgres CDC with exactly-once delivery so streaming updates never double count orders.',
        'Asked for change data capture from partitioned Postgres tables without re-snapshotting every partition.',
      ],
      quotes: [
        'We need Postgres changes in seconds, not hours.',
        'Just read the WAL. That is all we are asking.',
        "Our replication slot filled the disk once. It can't happen again.",
      ],
    },
    loss_reason: {
      w: 0.3,
      texts: [
        'Lost on missing real-time ingestion. They needed Postgres CDC into the warehouse in seconds and Databricks streaming delivered it.',
        'Closed lost to Databricks Delta Live Tables because we could not stream Postgres change data in under a minute.',
        'Lost on real-time: product analytics needed streaming CDC and Pipelines only does micro-batches every 15 minutes.',
        'Closed lost. Real-time Postgres CDC was a must-have for product analytics, and our streaming ingestion is still in beta.',
      ],
      quotes: ["Databricks streamed our Postgres changes in seconds. You couldn't."],
    },
    objection: {
      w: 0.2,
      texts: [
        'Objection that batch-only Postgres replication will not work for their operational dashboards; they need streaming.',
        'Their architect refuses to run Debezium and Kafka just to get CDC into our warehouse.',
        'Pushback: a 15-minute sync interval from Postgres is a non-starter for real-time inventory visibility.',
        'Their platform team objected that our Postgres connector needs superuser access for logical replication.',
      ],
      quotes: [
        "I'm not running Kafka just to feed your warehouse.",
        'Fifteen minutes of replication lag is forever for fraud.',
        "We're not granting superuser to a CDC connector.",
      ],
    },
  }),

  topic('support-responsiveness', 'Support responsiveness', 5, null, {
    praise: {
      w: 0.55,
      texts: [
        'Champion raved about support: a P1 ticket answered in 12 minutes on a Sunday, with an engineer on Zoom within the hour.',
        'Customer said our support engineers actually know SQL; tickets get solved instead of escalated.',
        'The shared Slack support channel is a hit; their data team gets answers from our support engineers same day.',
        'Praise for their TAM, who proactively flagged a failing job before the customer noticed.',
        'Admin said our support response time is the best of any vendor they use.',
        'Support followed up after closing the ticket with a docs fix. Customer noticed and mentioned it in the QBR.',
        'Their data lead said our support team felt like an extension of their own team during a bad incident.',
      ],
      quotes: [
        'Your support team answered faster than my own team does.',
        "Twelve minutes on a Sunday. I couldn't believe it.",
        'Your support folks actually know SQL.',
      ],
    },
    pain_point: {
      w: 0.3,
      texts: [
        'Support response times slipped; a P2 ticket sat for three days with no reply and the admin escalated to me.',
        'Complaint that support keeps asking for the same logs and bouncing tickets between support tiers.',
        'No weekend support on their tier meant a broken job stayed down until Monday morning.',
        'Frustrated that support tickets close automatically after five days without a resolution.',
        'Escalation path is unclear; their P1 ticket sat with tier one support for four hours before an engineer joined.',
      ],
      quotes: [
        'Three days and nobody replied to our support ticket.',
        'Stop closing my tickets before they are fixed.',
        'Four hours in tier one during a P1 is not acceptable.',
      ],
    },
    win_reason: {
      w: 0.15,
      texts: [
        "Won partly on support: their references said our support response times beat Snowflake's by days.",
        'Closed won. The shared Slack support channel during the evaluation convinced them we would stay responsive after signing.',
        'Win reason from the exec sponsor: support quality. Every ticket in the eval was answered within hours.',
        'Won on support: the reference call praised our TAM and support response times, which sealed it.',
      ],
      quotes: ['Your support during the eval is why we picked you.'],
    },
  }),

  topic('poc-time-to-value', 'Fast time-to-value in POCs', 5, 'Snowflake', {
    win_reason: {
      w: 0.8,
      texts: [
        'Won: the POC had their first production dashboard running in four days; the competing bake-off took three weeks just to load data.',
        "Closed won on time-to-value. Connected 12 sources and answered the VP's churn question inside the two-week pilot.",
        'Win reason: proof of concept finished ahead of schedule, and the champion presented POC results to the CFO in week two.',
        'Won against Snowflake because our POC needed zero tuning while their team spent the pilot sizing warehouses.',
        'Closed won. Customer said time-to-value was the decider: first insights in days, not a quarter.',
        'Won the bake-off; we hit every POC success criterion in ten days with only one of their engineers involved.',
        'Win: the pilot proved value fast enough that they signed before the trial ended instead of extending it.',
        'Won on speed to first dashboard; the competing proof of concept never got past data loading.',
        'Closed won at the logistics account. Every POC success criterion was met in the first week.',
        'Win reason: prebuilt templates meant their analysts showed real results at the pilot readout.',
        'Closed won. Our SE ran the pilot readout with live dashboards on their data while the other vendor was still debugging loads.',
      ],
      quotes: [
        'We got more done in your two-week pilot than in three months elsewhere.',
        'Time-to-value was the whole decision.',
        'You hit every success criterion before the trial ended.',
        "Days, not months. That's why we picked you.",
        'You showed value on our own data in a week.',
      ],
    },
    praise: {
      w: 0.2,
      texts: [
        'Champion said the POC was the easiest vendor evaluation they have run; first dashboard live on day two.',
        'Pilot users praised how fast they got from signup to answers, without a single support ticket.',
        'VP Data said the proof of concept felt like using a finished product, not a science project.',
        'Customer praised the POC success plan: clear criteria, daily check-ins, value shown within a week.',
        'Champion praised the pilot: analysts self-served answers on day three of the POC without our SE in the room.',
      ],
      quotes: ['Easiest POC I have ever run.', 'First dashboard on day two of the pilot.'],
    },
  }),

  topic('platform-consolidation', 'Consolidating the data stack', 4, 'Snowflake', {
    win_reason: {
      w: 0.7,
      texts: [
        'Won by consolidation: one platform replaced Fivetran, Snowflake and Collibra, cutting four vendor contracts to one.',
        'Closed won. CFO liked consolidating ingestion, warehouse and governance onto a single contract and invoice.',
        'Win reason: fewer tools. They retired three vendors and their data team stopped stitching point solutions together.',
        'Won because one platform meant one vendor to manage, one invoice and one renewal date instead of five.',
        'Closed won on total cost: consolidating Fivetran plus Snowflake plus Collibra onto us saved them 35% in year one.',
        'Win: the consolidated stack lets a three-person data team run what used to need five tools and a platform engineer.',
        "Won the enterprise deal by bundling Warehouse, Pipelines and Governance; tool sprawl was the CIO's top complaint.",
        'Closed won. The CIO had a vendor consolidation mandate and we were the only all-in-one data platform on the shortlist.',
        'Win reason: integrated ingestion and warehouse removed the Fivetran MAR bill entirely.',
        'Won: the stack consolidation story landed with their sourcing team, who are cutting the vendor count by a third this year.',
        'Closed won. Replacing Fivetran and Collibra with our Pipelines and Governance cut their vendor renewals from three to one.',
      ],
      quotes: [
        'We cut four contracts down to one.',
        'Tool sprawl was killing us, and you fixed that.',
        'One invoice. My CFO loves that.',
        'We dropped the Fivetran bill entirely.',
      ],
    },
    praise: {
      w: 0.3,
      texts: [
        'Customer praised having ingestion, warehouse and governance in one platform; no more finger-pointing between vendors.',
        'CIO told our exec sponsor the all-in-one platform is the first time their data stack has felt simple.',
        'Data lead loved one bill and one place to look when something breaks, instead of three vendor consoles.',
        'Praise for the single platform: new analysts learn one tool instead of five.',
        'VP Data praised how the consolidated platform removed glue code between their ingestion tool and the warehouse.',
      ],
      quotes: [
        'No more finger-pointing between vendors.',
        'For once our data stack feels simple.',
        'We deleted a whole folder of glue code between vendors.',
      ],
    },
  }),

  topic('lost-on-price', 'Lost on price and discounting', 4, null, {
    loss_reason: {
      w: 0.85,
      texts: [
        'Lost on price: the competitor came in 40% cheaper for year one and our best discount only closed half the gap.',
        'Closed lost. Budget was cut mid-cycle and the CFO froze all new software purchases over $50k.',
        'Lost to Redshift on price; AWS folded it into their enterprise discount program and we could not go lower.',
        'Lost: procurement ran a reverse auction and picked the lowest bid. Features were not even scored.',
        'Closed lost on price. They liked the product but our three-year TCO came out higher than the Databricks quote.',
        'Lost the expansion because our list price increase landed the same month as their budget cuts.',
        'Lost: we would not discount below 25% and the competitor offered 50% off plus a free first quarter.',
        'Closed lost on budget. The deal slipped twice and then the money went to cover a headcount freeze.',
        'Lost on price in SMB; a 20-person startup cannot justify our minimum annual contract.',
        'Lost to Snowflake on price after they undercut our quote by 30% with an aggressive prepaid deal.',
        'Price was the stated loss reason; the champion admitted our discount approval took too long and the other vendor closed first.',
        'Lost on price; finance compared our annual cost to BigQuery on-demand pricing and went with Google.',
      ],
      quotes: [
        'You were just too expensive.',
        'Same features, half the price. Easy call.',
        'Budget got frozen, nothing we could do.',
        'Your number was the highest on the shortlist.',
      ],
    },
    objection: {
      w: 0.15,
      texts: [
        'Price objection: our quote is double what they budgeted, and they want a smaller starter package.',
        'They want a 45% discount to match the competing quote before they will take it to the CFO.',
        'Minimum contract size is too high for their team; they want monthly billing with no annual commitment.',
        'Procurement said our quote is 35% over budget and asked us to cut scope to Warehouse only.',
      ],
      quotes: [
        "Get me closer to the other quote and we'll talk.",
        "That's double what we budgeted.",
        'Cut it to Warehouse only and maybe we can afford it.',
      ],
    },
  }),

  topic('lost-to-incumbent', 'Lost to the incumbent or status quo', 3, 'Snowflake', {
    loss_reason: {
      w: 0.8,
      texts: [
        'Lost to the incumbent: they renewed Snowflake for two more years because switching cost and retraining were too high.',
        'Closed lost, no decision. Status quo won; the switching risk was not worth it to their new VP.',
        'Lost: our champion left the company mid-cycle and the incumbent kept the account by default.',
        'Closed lost to the incumbent. Their multi-year contract had a year left and the early termination fee killed it.',
        'Lost to status quo. The team agreed we were better but nobody wanted to own a rip-and-replace this year.',
        'No decision: the incumbent offered a steep renewal discount the week before our final presentation.',
        'Lost because their platform team had just finished a two-year rollout of the incumbent and had no appetite to switch.',
        "Closed lost. The incumbent's account team went over our champion's head to the CIO with a renewal bundle.",
        "Lost to sunk cost: too many downstream jobs built on the incumbent's proprietary features to switch.",
        'Closed lost, status quo. The exec sponsor decided switching vendors mid-year was too disruptive.',
        'No decision: the incumbent is embedded in 400 scheduled jobs and nobody had budget for the switching project.',
      ],
      quotes: [
        "Honestly, switching just isn't worth the risk this year.",
        'We already rolled out the other one. Nobody wants to do that again.',
        'Our champion left, and that was that.',
        'The renewal discount was too good to walk away from.',
        "We'd have to rewrite four hundred jobs to leave. Not this year.",
      ],
    },
    competitor_intel: {
      w: 0.2,
      texts: [
        'Incumbent Snowflake team offered free professional services and a renewal discount as soon as they heard we were in the deal.',
        'Heard the incumbent is adding contract terms that penalize moving data out, to make switching harder.',
        'Snowflake renewal came with a ramped price schedule designed to lock them in for three years.',
        "The incumbent's CSM started weekly exec check-ins the moment our evaluation began.",
        "The incumbent's rep told them migrations to Northwind fail, and offered a free health check of their current setup.",
      ],
      quotes: [
        'They offered free services the day they heard your name.',
        'Our incumbent suddenly cares about us again.',
      ],
    },
  }),

  topic('security-questionnaire', 'Security review questionnaire', 4, null, {
    question: {
      w: 0.7,
      texts: [
        'Security review asked for our latest penetration test summary and how we remediate critical findings.',
        'Infosec questionnaire (SIG Lite) asks about encryption at rest, key rotation and customer-managed KMS keys.',
        'Asked whether we support PrivateLink and IP allowlisting as part of their security review.',
        'Questionnaire question: do our employees have standing access to customer data, and how is that access logged?',
        'Vendor risk team asked about our vulnerability management SLA and the date of our last pen test.',
        'Asked for our incident response plan and breach notification timeline for the vendor risk review.',
        'CAIQ question on whether we run background checks on engineers with production access.',
        'Infosec wants to know whether customer data is ever used to train AI models, for their vendor security review.',
        'Security questionnaire asks about MFA enforcement for our own staff and for customer admin accounts.',
        'Security review asked whether we isolate customer tenants at the network and storage layer.',
        'Asked for our secure SDLC description, code review policy and how we manage third-party dependencies.',
      ],
      quotes: [
        'Send me the pen test summary and your remediation SLA.',
        'Who at Northwind can see our data, and is it logged?',
        'Do you support customer-managed keys?',
        "How do you isolate our tenant from everyone else's?",
      ],
    },
    pain_point: {
      w: 0.3,
      texts: [
        'Security review is stuck: their 300-question vendor risk questionnaire has been with our security team for three weeks.',
        'We keep answering the same security questionnaire from scratch; there is no trust center for them to self-serve.',
        'Infosec rejected our first questionnaire answers as too vague on encryption key management. Back to square one.',
        'Their vendor risk portal (OneTrust) needs every questionnaire answer uploaded with evidence, and our team has not started.',
        'Their security review requires a call with our CISO, and we have not been able to schedule one in two weeks.',
      ],
      quotes: [
        'Your security questionnaire has been sitting for three weeks.',
        "Is there a trust center so I don't have to email you?",
        'These answers are too vague to pass infosec.',
      ],
    },
  }),

  topic('azure-multicloud', 'Azure availability and multi-cloud', 4, null, {
    question: {
      w: 0.4,
      texts: [
        'Asked when Northwind will be generally available on Azure; they are a Microsoft shop with a MACC commitment.',
        'Question: can we deploy in Azure West Europe and replicate to AWS for disaster recovery?',
        'Wanted to know if we can read from Azure Data Lake Storage Gen2 without copying data out of Azure.',
        'Asked whether we are on Azure Marketplace so the purchase counts toward their Microsoft commit.',
        'Asked about multi-cloud support: they run AWS in the US and Azure in Europe after an acquisition.',
        'Question on egress costs when their Azure-hosted apps query our AWS-hosted deployment.',
        'Asked whether Azure Private Link will be supported once we launch on Azure, since all their traffic stays private.',
      ],
      quotes: ['When can I run this in Azure?', 'Will it count against our Microsoft commit?'],
    },
    objection: {
      w: 0.3,
      texts: [
        'Objection: AWS-only deployment. Their cloud policy says every new data platform must run in Azure.',
        'They will not move data out of Azure because of egress fees and their Microsoft enterprise agreement.',
        'Pushback that Azure being on the roadmap is not enough; they need a date for Azure general availability.',
        'Cloud architect objected to cross-cloud networking between Azure and our AWS region; too much latency and complexity.',
        'Their cloud center of excellence only approves vendors that run inside their Azure landing zone.',
      ],
      quotes: [
        "We're an Azure shop. Everything new goes in Azure.",
        "A roadmap isn't a date.",
        "Our landing zone is Azure. That's where vendors run.",
      ],
    },
    loss_reason: {
      w: 0.3,
      texts: [
        'Lost: Azure-only customer chose Microsoft Fabric because we do not run on Azure yet.',
        'Closed lost. Multi-cloud was a requirement after their merger and we are single-cloud on AWS.',
        'Lost to Snowflake on Azure; their MACC burn-down and Azure-native networking decided it.',
        'Lost on cloud: their data already sits in Azure Blob, and our AWS-only deployment meant paying egress forever.',
      ],
      quotes: [
        'Fabric runs where our data already lives, in Azure.',
        'Multi-cloud was non-negotiable after the merger.',
      ],
    },
  }),

  topic('terraform-provider', 'Terraform provider and infrastructure as code', 3, null, {
    feature_request: {
      w: 0.8,
      texts: [
        'Platform team asked for a Terraform provider to manage warehouses, roles and grants as code.',
        'Wants Terraform support for Pipelines connectors so new sources go through pull requests, not the UI.',
        'Requested an official Terraform provider on the HashiCorp registry; the community provider is missing resources.',
        'Asked for infrastructure as code for roles and network policies, reviewed in GitHub like the rest of their Terraform.',
        'Wants terraform import for existing warehouses so they can bring current config under management.',
        'DevOps asked for a Terraform or Pulumi provider so dev, staging and prod environments can be spun up identically.',
        'Requested that the Terraform provider cover service accounts and API keys, not just compute resources.',
        'Platform engineering wants drift detection: flag when someone changes a warehouse setting outside Terraform.',
        'Asked for a Terraform module that provisions a full workspace with roles, warehouses and schedules in one apply.',
        'Wants schedules and pipeline definitions managed in Terraform state so deployments repeat cleanly across regions.',
        'Requested config as code in HCL or YAML that they can lint and deploy from GitHub Actions.',
        'Wants the Terraform provider to manage Governance tags and policies so compliance changes are reviewed in pull requests.',
      ],
      quotes: [
        "If it's not in Terraform, it doesn't exist for us.",
        'Every change goes through a pull request. Including yours.',
        'We spin up environments with one terraform apply.',
        'Click-ops is banned here. Terraform or nothing.',
      ],
    },
    question: {
      w: 0.2,
      texts: [
        'Asked if the Terraform provider is officially supported and which resources it covers today.',
        'Question on whether Terraform can manage grants without overwriting ones created in the UI.',
        'Wanted to know if there is a CLI or API for every setting, so they can wrap it in Terraform themselves.',
        'Asked whether the Terraform provider supports multiple workspaces and environments from one configuration.',
      ],
      quotes: [
        'Is the Terraform provider official or community?',
        'Will Terraform clobber grants made in the UI?',
        'Can I terraform import what is already there?',
      ],
    },
  }),

  topic('audit-log-export', 'Audit log export to SIEM', 3, null, {
    feature_request: {
      w: 0.6,
      texts: [
        'Asked for audit log export to Splunk so SecOps can see logins, permission changes and data exports.',
        'Wants audit logs streamed to their SIEM in near real time, not a daily CSV download.',
        'Requested a Datadog integration for audit events plus query history.',
        'SecOps wants audit log retention of seven years, and the UI only keeps one year.',
        'Asked for an audit event whenever someone downloads query results, to detect data exfiltration.',
        'Wants audit logs delivered as JSON to their own S3 bucket so Microsoft Sentinel can pick them up.',
        'Requested immutable audit logs that cover admin actions, grant changes and API key usage.',
        'SecOps asked for audit logs in a standard schema (OCSF) so their SIEM parsers work out of the box.',
        'Asked for audit log webhooks so their SOAR playbooks fire when an admin grants elevated roles.',
      ],
      quotes: [
        "If it's not in Splunk, SecOps can't see it.",
        "Seven years of audit logs. That's our policy.",
        'Tell me when someone downloads a million rows.',
        'Our SIEM should know before I do.',
      ],
    },
    question: {
      w: 0.4,
      texts: [
        'Asked which events the audit log captures, specifically failed logins and privilege escalation.',
        'Question: can audit logs go to Microsoft Sentinel, or only Splunk?',
        'Wanted to know how long audit logs are retained and whether they are tamper-proof.',
        'Asked if the audit log shows which user ran which query, including through service accounts.',
        'Compliance asked whether the audit logs include the query text or just metadata.',
        'Asked if there is an API to pull audit logs incrementally into their SIEM.',
        'Asked whether audit logs record exports to external stages and which user triggered each export.',
      ],
      quotes: [
        'Do you log failed logins?',
        'Can I prove nobody edited these audit logs?',
        'Which events actually land in the audit log?',
      ],
    },
  }),

  topic('msa-legal-redlines', 'Procurement and MSA redlines', 4, null, {
    pain_point: {
      w: 0.5,
      texts: [
        'Legal redlines on the MSA have gone back and forth four times; the deal slipped out of the quarter.',
        'Procurement added a supplier onboarding step (vendor portal, insurance certificates) that adds two weeks.',
        "Our legal team takes ten days per MSA turn and the customer's general counsel is frustrated with the pace.",
        'Their procurement insists on their paper, not our MSA, and our legal team will not review a 60-page template quickly.',
        'Redlines stuck on the liability cap and indemnification; both legal teams are waiting on each other.',
        'Procurement wants a fourth round of pricing approvals after legal already signed off on the MSA.',
        'Procurement wants our MSA signed before legal even starts redlines on the order form; the process is adding weeks.',
      ],
      quotes: [
        "We're on the fourth round of redlines and the quarter's over.",
        'Your legal team takes ten days per turn.',
        'Procurement needs insurance certificates before anything moves.',
      ],
    },
    objection: {
      w: 0.3,
      texts: [
        'Legal objected to our limitation of liability at 12 months of fees; they want 3x fees for data breaches.',
        'Objection to auto-renewal and the price increase clause in our MSA. They want renewal increases capped at 5%.',
        'Their general counsel will not accept California governing law in the MSA; insists on New York or England.',
        'Procurement pushed back on net-30 payment terms and wants net-90 per their policy.',
        "Legal pushed back on our MSA's unilateral right to change terms by updating a web page.",
      ],
      quotes: ['Twelve months of fees is not an acceptable liability cap.', "We don't do auto-renewal."],
    },
    question: {
      w: 0.2,
      texts: [
        'Procurement asked whether we will sign on their paper or if our MSA is required.',
        'Legal asked whether our MSA includes uncapped indemnification for IP infringement.',
        'Asked if our MSA allows termination for convenience with a pro-rated refund.',
        'Procurement asked whether the MSA can include a one-year term with a price lock on the renewal.',
      ],
      quotes: ['Will you sign on our paper?', 'Is IP indemnification in your MSA capped?'],
    },
  }),

  topic('ai-sql-assistant', 'AI SQL assistant (natural language to SQL)', 3, 'Databricks', {
    feature_request: {
      w: 0.4,
      texts: [
        'Asked for a natural-language query assistant so business users can ask questions without writing SQL.',
        'Wants the AI assistant to use their certified metric definitions so generated SQL picks the right revenue number.',
        'Requested an LLM copilot in the SQL editor that explains and optimizes existing queries.',
        'Asked for text-to-SQL that respects their data permissions, like Databricks Genie does.',
        'Wants the AI assistant to run on a model they host themselves so prompts never leave their environment.',
        'Requested that the AI assistant learn from their verified queries so answers match how finance defines bookings.',
      ],
      quotes: [
        'My sales ops people will never learn SQL. Let them just ask.',
        'The AI assistant has to respect our permissions.',
      ],
    },
    praise: {
      w: 0.3,
      texts: [
        'Analysts love the AI SQL assistant; it wrote a working cohort query from a plain-English question in seconds.',
        "Praise for the copilot's explain-this-query feature; junior analysts are learning SQL from it.",
        'Natural-language questions in the demo got correct answers on their own schema, which impressed the CFO.',
        "The AI assistant's generated table descriptions saved their data steward weeks of documentation.",
        'Ops team praised the natural-language assistant; they now answer inventory questions without filing a data request.',
      ],
      quotes: [
        'It wrote the cohort query faster than I could open the editor.',
        'Our juniors are learning SQL from the copilot.',
        'We stopped filing data requests for simple questions.',
      ],
    },
    question: {
      w: 0.3,
      texts: [
        'Asked which LLM powers the AI assistant and whether their prompts or data are used to train the model.',
        'Question on whether the natural-language assistant can be switched off for certain users.',
        'Asked how the AI SQL copilot handles ambiguous questions and whether it always shows the generated SQL.',
        'Wanted to know if the AI assistant costs extra or is included in their current plan.',
        'Asked how we compare to Databricks Genie and Snowflake Cortex Analyst on text-to-SQL accuracy.',
      ],
      quotes: ['Is our data training your model?', 'Show me the SQL the AI generated.'],
    },
  }),
];

// ---------------------------------------------------------------------------------------------------------------
// Composition: the light noise of real notes.

const PREFIXES = [
  'Call with CFO:',
  'Discovery call:',
  'Demo follow-up:',
  'QBR:',
  'From the champion:',
  'Per their data eng lead:',
  'Exec sponsor call:',
  'Tech deep dive:',
  'Notes from onsite:',
  'Follow-up email:',
  'Gong recap:',
  'Partner-sourced opp:',
  'Heads up -',
  'FYI:',
  'Per VP Data:',
  'Weekly sync w/ champion:',
  'Call w/ IT director:',
  'Renewal convo:',
];
/** Win and loss notes already say "Won"/"Lost"; these read naturally in front of them. */
const DEBRIEF_PREFIXES = ['Deal debrief:', 'Per the champion:', 'From the exec sponsor:', 'Pipeline review:', 'Notes for the forecast call:'];

const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise', 'mid-market', 'ent', 'MM'];
const REGIONS = ['NA', 'EMEA', 'APAC', 'UK&I', 'DACH', 'LATAM', 'Nordics', 'ANZ'];
const INDUSTRIES = ['fintech', 'retail', 'healthcare', 'manufacturing', 'media', 'logistics', 'energy', 'edtech', 'insurance', 'SaaS'];

const SHORTHAND: readonly (readonly [RegExp, string])[] = [
  [/\bwith\b/, 'w/'],
  [/ and /, ' & '],
  [/\bbecause\b/, 'bc'],
  [/\bcustomer\b/i, 'cust'],
  [/\bengineering\b/, 'eng'],
  [/\bwithout\b/, 'w/o'],
  [/\bminutes\b/, 'mins'],
  [/\bapproximately\b/, '~'],
  [/\bthey are\b/, "they're"],
  [/\bdo not\b/, "don't"],
  [/\bwill not\b/, "won't"],
  [/\bcannot\b/, "can't"],
  [/\bnumber\b/, '#'],
  [/\bthrough\b/, 'thru'],
];

function weightedKey<K extends string>(rnd: DemoRandom, weights: Partial<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rnd.next() * total;
  for (const [k, w] of entries) if ((r -= w) < 0) return k;
  return entries[entries.length - 1]![0];
}

function suffix(rnd: DemoRandom): string {
  const seg = rnd.pick(SEGMENTS);
  const region = rnd.pick(REGIONS);
  const industry = rnd.pick(INDUSTRIES);
  switch (rnd.int(0, 5)) {
    case 0:
      return ` (${seg}, ${region})`;
    case 1:
      return ` — ${seg} ${industry}`;
    case 2:
      return ` [${seg}]`;
    case 3:
      return ` (${industry}, ${region})`;
    case 4:
      return ` // ${region}`;
    default:
      return `. ${seg} ${industry} acct in ${region}.`;
  }
}

/** Swaps two neighbouring letters inside one ordinary lower-case word, the way fast typing does. */
function typo(rnd: DemoRandom, text: string): string {
  const candidates = [...text.matchAll(/\b[a-z]{6,}\b/g)];
  if (candidates.length === 0) return text;
  const m = rnd.pick(candidates);
  const w = m[0];
  const i = rnd.int(1, w.length - 3);
  const swapped = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  return text.slice(0, m.index) + swapped + text.slice(m.index + w.length);
}

function vary(rnd: DemoRandom, base: string, kind: DemoKind): string {
  let text = base;
  if (rnd.next() < 0.18) {
    const applicable = SHORTHAND.filter(([re]) => re.test(text));
    if (applicable.length > 0) {
      const [re, to] = rnd.pick(applicable);
      text = text.replace(re, to);
    }
  }
  if (rnd.next() < 0.06) text = typo(rnd, text);
  if (rnd.next() < 0.45) {
    const stripped = text.replace(/\.$/, '');
    const s = suffix(rnd);
    text = /[?!]$/.test(stripped) && s.startsWith('.') ? stripped + s.slice(1) : stripped + s;
  } else if (rnd.next() < 0.15) {
    text = text.replace(/\.$/, '');
  }
  // Notes that already open with a label ("Won:", "Question:") don't get a second one.
  if (rnd.next() < 0.4 && !/^[A-Z][\w -]{0,20}:/.test(text)) {
    const winLoss = kind === 'win_reason' || kind === 'loss_reason';
    text = `${rnd.pick(winLoss ? DEBRIEF_PREFIXES : PREFIXES)} ${text}`;
  }
  const caseRoll = rnd.next();
  if (caseRoll < 0.08) text = text.toLowerCase();
  else if (caseRoll < 0.16) text = text.charAt(0).toLowerCase() + text.slice(1);
  return text;
}

/** The first of the four competitors named in `text`, preferring `preferred` if it is named. */
function mentionedCompetitor(text: string, preferred: string | null): string | null {
  const lower = text.toLowerCase();
  if (preferred && lower.includes(preferred.toLowerCase())) return preferred;
  let best: string | null = null;
  let bestAt = Infinity;
  for (const c of DEMO_COMPETITORS) {
    const at = lower.indexOf(c.toLowerCase());
    if (at >= 0 && at < bestAt) [best, bestAt] = [c, at];
  }
  return best;
}

/**
 * One feedback item for a topic: a kind by the topic's weights, a text written for that kind with light variation, a
 * quote about 40% of the time, and the competitor: the one the text or quote names if any, else the topic's about
 * 60% of the time (always for competitor_intel).
 */
export function composeFeedback(rnd: DemoRandom, topic: DemoTopic): DemoFeedback {
  const kind = weightedKey(rnd, topic.kinds);
  const textPool = topic.textsByKind?.[kind]?.length ? topic.textsByKind[kind]! : topic.texts;
  const quotePool = topic.quotesByKind?.[kind]?.length ? topic.quotesByKind[kind]! : topic.quotes;
  const base = rnd.pick(textPool);
  const text = vary(rnd, base, kind);
  const quote = quotePool.length > 0 && rnd.next() < 0.4 ? rnd.pick(quotePool) : null;
  const named = mentionedCompetitor(`${base} ${quote ?? ''}`, topic.competitor);
  const competitor =
    named ?? (topic.competitor && (kind === 'competitor_intel' || rnd.next() < 0.6) ? topic.competitor : null);
  return { topic: topic.key, kind, text, quote, competitor };
}

/** Picks a topic by weight. */
export function pickTopic(rnd: DemoRandom, topics: readonly DemoTopic[] = DEMO_TOPICS): DemoTopic {
  const total = topics.reduce((s, t) => s + t.weight, 0);
  let r = rnd.next() * total;
  for (const t of topics) if ((r -= t.weight) < 0) return t;
  return topics[topics.length - 1]!;
}
