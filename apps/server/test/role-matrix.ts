/**
 * Who may call what: the role matrix, written by hand from the product's intent (DESIGN.md "Users and roles",
 * docs/architecture.md), NOT derived from the endpoint table's `access` fields or the permission table. It is the
 * independent side of `role-matrix.test.ts`: that test calls every route as each of the six callers below, with
 * valid inputs, and checks that exactly the callers listed here get through (a 2xx) and every other one is refused
 * (403 for a member, 404 for a signed-in person of another workspace, 401 signed out). A route without a row here
 * fails the test, and so does a row naming no route.
 *
 * Adding a route: add its row here (`'METHOD /api/v1/path/:param': [who may call it]`, with one line saying why
 * when it is not obvious), and, when the default input (the shared fixtures, an empty JSON body) is not a valid
 * call, an entry in `INPUTS` in role-matrix.test.ts that makes one (a fresh resource for calls that use one up).
 * When a route's rule depends on the resource (e.g. whose import is undone), pick the case the row states and
 * add a scenario test beside the module for the others.
 */

/** The six kinds of caller: the four roles of workspace A, a signed-in admin of another workspace only, nobody. */
export const CALLERS = ['admin', 'marketing', 'sales_lead', 'sales', 'non_member', 'signed_out'] as const;
export type Caller = (typeof CALLERS)[number];

/** Anyone, signed in or not. */
const EVERYONE: readonly Caller[] = CALLERS;
/** Any signed-in person, whichever workspaces they belong to. */
const SIGNED_IN: readonly Caller[] = ['admin', 'marketing', 'sales_lead', 'sales', 'non_member'];
/** Every member of the workspace. */
const MEMBERS: readonly Caller[] = ['admin', 'marketing', 'sales_lead', 'sales'];
/** CRO / RevOps: configures the workspace and owns the model of record. */
const ADMIN: readonly Caller[] = ['admin'];
/** Triage of feedback and themes: PMMs (marketing), and the admin who sees everything. */
const TRIAGE: readonly Caller[] = ['admin', 'marketing'];
/** Loading deals from the CRM: RevOps and sales managers keep their pipeline current; reps and PMMs do not. */
const DEAL_IMPORTERS: readonly Caller[] = ['admin', 'sales_lead'];
/** Writing the library (assets, files, review periods, competitors): PMMs own the material; the admin sees everything. */
const LIBRARY_WRITERS: readonly Caller[] = ['admin', 'marketing'];
/** Working requests (triage, deliver, decline, merge, place against the score; PMM capacity): product marketing and the admin. */
const REQUEST_WORKERS: readonly Caller[] = ['admin', 'marketing'];
/** Bulk-loading feedback (call notes, survey exports): PMMs and sales leads bring the field's voice in. */
const FEEDBACK_IMPORTERS: readonly Caller[] = ['admin', 'marketing', 'sales_lead'];
/** Importing touchpoints from a CSV: RevOps and marketing (campaign owners); sales leads send them through the API only. */
const TOUCHPOINT_IMPORTERS: readonly Caller[] = ['admin', 'marketing'];
/** Opening decisions for input and recording their outcome: product marketing owns the call; the admin sees everything. */
const DECISION_OWNERS: readonly Caller[] = ['admin', 'marketing'];
/** Shaping shared goals (create, edit, archive, key results): the admin, PMMs and sales leads; reps own goals, not the list. */
/** Starting a sync meeting series: either team's leads (PMMs, sales leads) and the admin; reps attend. */
const MEETING_STARTERS: readonly Caller[] = ['admin', 'marketing', 'sales_lead'];
/** A series' agenda and attendance: its owner (the fixture series is the PMM's) and the admin. */
const SERIES_OWNER: readonly Caller[] = ['admin', 'marketing'];
const GOAL_WRITERS: readonly Caller[] = ['admin', 'marketing', 'sales_lead'];
/** Answering a pulse: the two teams whose alignment it measures; the admin runs pulses and reads results. */
const PULSE_RESPONDENTS: readonly Caller[] = ['marketing', 'sales_lead', 'sales'];

const W = '/api/v1/workspaces/:workspace';

export const ROLE_MATRIX: Record<string, readonly Caller[]> = {
  // ---- Public: health, first-run setup, sign-in, the links in emails ---------------------------------------
  'GET /healthz': EVERYONE,
  'GET /readyz': EVERYONE,
  'GET /api/v1/openapi.json': EVERYONE,
  'GET /api/v1/setup': EVERYONE,
  'POST /api/v1/setup': EVERYONE, // answers 409 once set up, for everyone alike
  'POST /api/v1/auth/login': EVERYONE,
  'GET /api/v1/invitations/:token': EVERYONE,
  'POST /api/v1/invitations/:token/accept': EVERYONE,
  'GET /api/v1/password-resets/:token': EVERYONE,
  'POST /api/v1/password-resets/:token': EVERYONE,
  'GET /api/v1/unsubscribe': EVERYONE,
  'POST /api/v1/unsubscribe': EVERYONE,
  'POST /api/v1/email-changes/:token': EVERYONE, // the link sent to a new address; the token is the proof

  // ---- One's own session and profile, and the workspaces one belongs to ---------------------------------
  'GET /api/v1/auth/session': SIGNED_IN,
  'POST /api/v1/auth/logout': SIGNED_IN,
  'PATCH /api/v1/me': SIGNED_IN,
  'POST /api/v1/me/password': SIGNED_IN,
  'POST /api/v1/me/email': SIGNED_IN, // with one's current password; takes effect once the new address confirms
  'GET /api/v1/workspaces': SIGNED_IN,
  // Only an admin of some workspace may start another (decision 0001); the non-member is an admin of B.
  'POST /api/v1/workspaces': ['admin', 'non_member'],

  // ---- The workspace, its people, teams and tokens ---------------------------------------------------------
  [`GET ${W}`]: MEMBERS,
  [`PATCH ${W}`]: ADMIN,
  [`GET ${W}/members`]: MEMBERS,
  [`PATCH ${W}/members/:userId`]: ADMIN,
  [`POST ${W}/members/:userId/password-reset`]: ADMIN,
  [`GET ${W}/invitations`]: ADMIN,
  [`POST ${W}/invitations`]: ADMIN,
  [`DELETE ${W}/invitations/:id`]: ADMIN,
  [`GET ${W}/teams`]: MEMBERS,
  [`POST ${W}/teams`]: ADMIN,
  [`PATCH ${W}/teams/:teamId`]: ADMIN,
  [`DELETE ${W}/teams/:teamId`]: ADMIN,
  // Everyone manages their own API tokens (a rep scripting their own feedback, say).
  [`GET ${W}/tokens`]: MEMBERS,
  [`POST ${W}/tokens`]: MEMBERS,
  [`DELETE ${W}/tokens/:tokenId`]: MEMBERS,
  [`GET ${W}/audit`]: ADMIN,
  // Single sign-on: the admin configures the provider; anyone may start a sign-in through it.
  [`GET ${W}/sso`]: ADMIN,
  [`PUT ${W}/sso`]: ADMIN,
  'GET /api/v1/sso/:slug': EVERYONE,
  'GET /api/v1/sso/:slug/start': EVERYONE,
  'GET /api/v1/sso/callback': EVERYONE,
  // A person's data on request (export, erasure): the admin's.
  [`GET ${W}/people/:userId/data`]: ADMIN,
  [`POST ${W}/people/:userId/erase`]: ADMIN,

  // ---- Deals: everyone reads the pipeline; the admin owns its settings and the API sync ------------------
  [`GET ${W}/deals`]: MEMBERS,
  [`GET ${W}/deals/summary`]: MEMBERS,
  [`GET ${W}/deals/:dealId`]: MEMBERS,
  [`GET ${W}/accounts`]: MEMBERS,
  [`GET ${W}/accounts/:accountId`]: MEMBERS,
  [`GET ${W}/deal-settings/stages`]: MEMBERS,
  [`PUT ${W}/deal-settings/stages`]: ADMIN,
  [`GET ${W}/deal-settings/exchange-rates`]: MEMBERS,
  [`PUT ${W}/deal-settings/exchange-rates`]: ADMIN,
  [`POST ${W}/deals/upsert`]: ADMIN, // the CRM sync writes the model of record

  // ---- Deal imports (file uploads). Undo here is of a file import; who may undo an API upsert is ----------
  // ---- the imports module's own test (a sales lead may not undo the admin's sync).                ----------
  [`POST ${W}/imports`]: DEAL_IMPORTERS,
  [`GET ${W}/imports`]: DEAL_IMPORTERS,
  [`GET ${W}/imports/:importId`]: DEAL_IMPORTERS,
  [`POST ${W}/imports/:importId/preview`]: DEAL_IMPORTERS,
  [`POST ${W}/imports/:importId/start`]: DEAL_IMPORTERS,
  [`POST ${W}/imports/:importId/undo`]: DEAL_IMPORTERS,
  [`DELETE ${W}/imports/:importId`]: DEAL_IMPORTERS,
  [`GET ${W}/imports/:importId/rejected.csv`]: DEAL_IMPORTERS,

  // ---- Feedback: everyone logs and reads it, changes their own; marketing triages ---------------------------
  [`GET ${W}/feedback`]: MEMBERS,
  [`POST ${W}/feedback`]: MEMBERS,
  [`POST ${W}/feedback/similar`]: MEMBERS,
  [`GET ${W}/feedback/mine/summary`]: MEMBERS,
  [`GET ${W}/feedback/metrics`]: MEMBERS,
  [`POST ${W}/feedback/move`]: TRIAGE,
  [`GET ${W}/feedback/:itemId`]: MEMBERS,
  [`PATCH ${W}/feedback/:itemId`]: MEMBERS, // one's own item (someone else's: feedback.test.ts)
  [`DELETE ${W}/feedback/:itemId`]: MEMBERS, // likewise
  [`POST ${W}/feedback/import/preview`]: FEEDBACK_IMPORTERS,
  [`POST ${W}/feedback/import`]: FEEDBACK_IMPORTERS,
  [`DELETE ${W}/feedback/import/:batchId`]: FEEDBACK_IMPORTERS, // one's own import

  // ---- Themes: everyone reads and follows; marketing shapes them and answers ------------------------------
  [`GET ${W}/themes`]: MEMBERS,
  [`POST ${W}/themes`]: TRIAGE,
  [`GET ${W}/themes/:themeId`]: MEMBERS,
  [`PATCH ${W}/themes/:themeId`]: TRIAGE,
  [`POST ${W}/themes/:themeId/status`]: TRIAGE,
  [`POST ${W}/themes/:themeId/status/undo`]: TRIAGE,
  [`POST ${W}/themes/:themeId/links`]: TRIAGE,
  [`DELETE ${W}/themes/:themeId/links/:linkId`]: TRIAGE,
  [`POST ${W}/themes/:themeId/merge`]: TRIAGE,
  [`POST ${W}/themes/:themeId/merges/:mergeId/undo`]: TRIAGE,
  [`POST ${W}/themes/:themeId/split`]: TRIAGE,
  [`POST ${W}/themes/:themeId/follow`]: MEMBERS,
  [`DELETE ${W}/themes/:themeId/follow`]: MEMBERS,
  [`GET ${W}/theme-suggestions`]: TRIAGE,
  [`POST ${W}/theme-suggestions/refresh`]: TRIAGE,
  [`POST ${W}/theme-suggestions/:suggestionId/accept`]: TRIAGE,
  [`POST ${W}/theme-suggestions/:suggestionId/discard`]: TRIAGE,
  [`POST ${W}/theme-suggestions/:suggestionId/undo`]: TRIAGE,

  // ---- Library: everyone finds, reads, shares and uses material; PMMs write it ------------------------------
  [`GET ${W}/assets`]: MEMBERS, // reps see published material only (search.test.ts)
  [`POST ${W}/assets`]: LIBRARY_WRITERS,
  [`POST ${W}/assets/preview`]: LIBRARY_WRITERS,
  [`GET ${W}/assets/:assetId`]: MEMBERS, // a published asset (drafts are 404 to readers: assets.test.ts)
  [`PATCH ${W}/assets/:assetId`]: LIBRARY_WRITERS,
  [`POST ${W}/assets/:assetId/publish`]: LIBRARY_WRITERS,
  [`POST ${W}/assets/:assetId/archive`]: LIBRARY_WRITERS,
  [`POST ${W}/assets/:assetId/verify`]: LIBRARY_WRITERS,
  [`GET ${W}/assets/:assetId/versions`]: MEMBERS,
  [`GET ${W}/assets/:assetId/versions/:number`]: MEMBERS,
  [`GET ${W}/assets/:assetId/diff`]: MEMBERS,
  [`PUT ${W}/assets/:assetId/follow`]: MEMBERS,
  [`DELETE ${W}/assets/:assetId/follow`]: MEMBERS,
  [`GET ${W}/library/settings`]: MEMBERS,
  [`PUT ${W}/library/settings`]: LIBRARY_WRITERS,
  [`GET ${W}/library/report`]: LIBRARY_WRITERS, // what to retire or refresh: the owners' tool
  [`GET ${W}/assets/:assetId/files`]: MEMBERS,
  [`POST ${W}/assets/:assetId/files`]: LIBRARY_WRITERS,
  [`GET ${W}/assets/:assetId/files/:fileId`]: MEMBERS,
  [`GET ${W}/assets/:assetId/files/:fileId/thumbnail`]: MEMBERS,
  [`DELETE ${W}/assets/:assetId/files/:fileId`]: LIBRARY_WRITERS,
  [`GET ${W}/assets/:assetId/share-links`]: MEMBERS,
  [`POST ${W}/assets/:assetId/share-links`]: MEMBERS, // reps share material with their prospects
  [`POST ${W}/assets/:assetId/share-links/:shareLinkId/revoke`]: MEMBERS, // one's own link (another's: shares.test.ts)
  [`POST ${W}/assets/:assetId/usage`]: MEMBERS,
  [`GET ${W}/assets/:assetId/usage`]: MEMBERS,
  [`POST ${W}/assets/:assetId/deals`]: MEMBERS,
  [`GET ${W}/assets/:assetId/deals`]: MEMBERS,
  [`PUT ${W}/assets/:assetId/vote`]: MEMBERS,
  [`DELETE ${W}/assets/:assetId/vote`]: MEMBERS,
  [`GET ${W}/assets/:assetId/influence`]: MEMBERS,
  [`GET ${W}/deals/:dealId/assets`]: MEMBERS,
  [`GET ${W}/competitors`]: MEMBERS,
  [`GET ${W}/competitors/unlinked`]: MEMBERS,
  [`GET ${W}/competitors/:competitorId`]: MEMBERS, // the page a rep opens before a competitive call
  [`POST ${W}/competitors`]: LIBRARY_WRITERS,
  [`PATCH ${W}/competitors/:competitorId`]: LIBRARY_WRITERS,
  [`DELETE ${W}/competitors/:competitorId`]: LIBRARY_WRITERS,

  // ---- Requests: anyone files, +1s, comments and attaches; PMMs work them; only admins boost and set weights -----
  [`GET ${W}/requests`]: MEMBERS, // the queue is public inside the workspace
  [`POST ${W}/requests`]: MEMBERS,
  [`GET ${W}/requests/similar`]: MEMBERS,
  [`GET ${W}/requests/:requestId`]: MEMBERS,
  [`PATCH ${W}/requests/:requestId`]: MEMBERS, // one's own request (another's: PMMs only, items.test.ts)
  [`POST ${W}/requests/:requestId/triage`]: REQUEST_WORKERS,
  [`POST ${W}/requests/:requestId/start`]: REQUEST_WORKERS,
  [`POST ${W}/requests/:requestId/deliver`]: REQUEST_WORKERS,
  [`POST ${W}/requests/:requestId/accept`]: MEMBERS, // one's own delivered request (a non-requester: items.test.ts)
  [`POST ${W}/requests/:requestId/reopen`]: MEMBERS, // the same
  [`POST ${W}/requests/:requestId/decline`]: REQUEST_WORKERS,
  [`POST ${W}/requests/:requestId/plus-one`]: MEMBERS, // someone else's request
  [`POST ${W}/requests/:requestId/merge`]: REQUEST_WORKERS,
  [`POST ${W}/requests/:requestId/override`]: REQUEST_WORKERS,
  [`POST ${W}/requests/:requestId/boost`]: ADMIN, // a strategic boost moves the whole queue: the CRO's call
  [`GET ${W}/requests/:requestId/comments`]: MEMBERS,
  [`POST ${W}/requests/:requestId/comments`]: MEMBERS,
  [`GET ${W}/requests/:requestId/activity`]: MEMBERS,
  [`POST ${W}/requests/:requestId/attachments`]: MEMBERS,
  [`GET ${W}/requests/:requestId/attachments/:fileId`]: MEMBERS,
  [`DELETE ${W}/requests/:requestId/attachments/:fileId`]: MEMBERS, // one's own file (another's: PMMs only, items.test.ts)
  [`GET ${W}/requests/settings`]: MEMBERS,
  [`PATCH ${W}/requests/settings`]: ADMIN, // weights reorder everyone's requests
  [`GET ${W}/requests/settings/capacity`]: MEMBERS,
  [`PUT ${W}/requests/settings/capacity`]: REQUEST_WORKERS,
  [`GET ${W}/requests/capacity`]: MEMBERS, // a rep sees where their request stands against the line
  [`GET ${W}/requests/metrics`]: MEMBERS,
  // Decisions: everyone reads the log and gives input when asked; PMMs open decisions and the owner decides.
  [`GET ${W}/decisions`]: MEMBERS,
  [`POST ${W}/decisions`]: DECISION_OWNERS,
  [`GET ${W}/decisions/stakeholder-options`]: DECISION_OWNERS,
  [`GET ${W}/decisions/link-options`]: DECISION_OWNERS,
  [`GET ${W}/decisions/:decisionId`]: MEMBERS,
  [`POST ${W}/decisions/:decisionId/inputs`]: MEMBERS, // one asked for input (someone not asked: 403, decisions.test.ts)
  [`POST ${W}/decisions/:decisionId/decide`]: DECISION_OWNERS, // one's own decision (another PMM's: 403, decisions.test.ts)
  [`POST ${W}/decisions/:decisionId/reopen`]: DECISION_OWNERS, // the same
  [`PUT ${W}/decisions/:decisionId/links`]: DECISION_OWNERS, // the same
  // Meetings: everyone reads; leads of both teams start a series; its owner runs the agenda; attendees take notes.
  [`GET ${W}/meetings`]: MEMBERS,
  [`POST ${W}/meetings`]: MEETING_STARTERS,
  [`GET ${W}/meetings/member-options`]: MEETING_STARTERS,
  [`GET ${W}/meetings/metrics`]: MEMBERS,
  [`GET ${W}/meetings/:seriesId`]: MEMBERS,
  [`GET ${W}/meetings/:seriesId/occurrences/:number`]: MEMBERS,
  [`POST ${W}/meetings/:seriesId/occurrences/:number/agenda`]: SERIES_OWNER, // another PMM's series: 403, meetings.test.ts
  [`PUT ${W}/meetings/:seriesId/occurrences/:number/agenda`]: SERIES_OWNER,
  [`PATCH ${W}/meetings/:seriesId/occurrences/:number/agenda/:agendaItemId`]: MEMBERS, // notes: the fixture series invites every role (a non-attendee: 403)
  [`POST ${W}/meetings/:seriesId/occurrences/:number/publish`]: SERIES_OWNER,
  [`PUT ${W}/meetings/:seriesId/occurrences/:number/attendance`]: SERIES_OWNER,
  [`POST ${W}/meetings/:seriesId/occurrences/:number/action-items`]: MEMBERS, // attendees
  [`PATCH ${W}/meetings/action-items/:actionItemId`]: MEMBERS, // one's own action item (someone else's: 403, meetings.test.ts)
  [`GET ${W}/meetings/:seriesId/occurrences/:number/invite.ics`]: MEMBERS,
  [`GET ${W}/meetings/:seriesId/occurrences/:number/export.md`]: MEMBERS,
  // Alignment: everyone reads the index and the (anonymous, gated) results; the two teams answer; the admin runs pulses.
  [`GET ${W}/alignment`]: MEMBERS,
  [`GET ${W}/alignment/report`]: MEMBERS,
  [`GET ${W}/alignment/settings`]: MEMBERS,
  [`PATCH ${W}/alignment/settings`]: ADMIN,
  [`GET ${W}/pulses`]: MEMBERS,
  [`POST ${W}/pulses`]: ADMIN,
  [`GET ${W}/pulses/:pulseId`]: MEMBERS,
  [`POST ${W}/pulses/:pulseId/answers`]: PULSE_RESPONDENTS, // once each (a second answer: 409, alignment.test.ts)
  [`POST ${W}/pulses/:pulseId/close`]: ADMIN,
  [`GET ${W}/pulses/:pulseId/results`]: MEMBERS,

  // Attribution: everyone reads the ledger and may dispute; RevOps, PMMs and sales leads send touchpoints; the admin
  // (CRO / RevOps) owns the model of record, resolves disputes and recomputes.
  [`POST ${W}/touchpoints/upsert`]: ['admin', 'marketing', 'sales_lead'],
  [`GET ${W}/attribution/deals/:dealId`]: MEMBERS,
  [`GET ${W}/attribution/report`]: MEMBERS,
  [`GET ${W}/attribution/model-of-record`]: MEMBERS,
  [`POST ${W}/attribution/model-of-record`]: ADMIN,
  [`GET ${W}/attribution/disputes`]: MEMBERS,
  [`POST ${W}/attribution/disputes`]: MEMBERS,
  [`POST ${W}/attribution/disputes/:disputeId/resolve`]: ADMIN,
  [`POST ${W}/attribution/recompute`]: ADMIN,
  [`POST ${W}/attribution/import/preview`]: TOUCHPOINT_IMPORTERS,
  [`POST ${W}/attribution/import`]: TOUCHPOINT_IMPORTERS,

  // ---- Goals: everyone reads and comments; admins, PMMs and sales leads shape goals; owners check in ---------
  [`GET ${W}/goals`]: MEMBERS,
  [`POST ${W}/goals`]: GOAL_WRITERS,
  [`GET ${W}/goals/:goalId`]: MEMBERS,
  [`PATCH ${W}/goals/:goalId`]: GOAL_WRITERS,
  [`DELETE ${W}/goals/:goalId`]: GOAL_WRITERS,
  [`POST ${W}/goals/:goalId/key-results`]: GOAL_WRITERS,
  [`PATCH ${W}/goals/:goalId/key-results/:keyResultId`]: GOAL_WRITERS,
  [`DELETE ${W}/goals/:goalId/key-results/:keyResultId`]: GOAL_WRITERS,
  [`GET ${W}/goals/:goalId/key-results/:keyResultId/history`]: MEMBERS,
  [`GET ${W}/goals/:goalId/key-results/:keyResultId/check-ins`]: MEMBERS,
  [`POST ${W}/goals/:goalId/key-results/:keyResultId/check-ins`]: MEMBERS, // the shared goal's owners include the rep (a non-owner rep: objectives.test.ts)
  [`GET ${W}/goals/:goalId/comments`]: MEMBERS,
  [`POST ${W}/goals/:goalId/comments`]: MEMBERS,
  // Metrics, the scorecard and win/loss: one set of numbers everyone reads, with the records behind each.
  [`GET ${W}/metrics`]: MEMBERS,
  [`GET ${W}/metrics/:metric`]: MEMBERS,
  [`GET ${W}/metrics/:metric/records`]: MEMBERS,
  [`GET ${W}/scorecard`]: MEMBERS,
  [`GET ${W}/win-loss`]: MEMBERS,
  // Home: each member's own deals' themes (a PMM or admin without deals gets the themes of what they logged).
  [`GET ${W}/home/my-deal-themes`]: MEMBERS,

  // ---- Notifications: one's own inbox and preferences; integrations are the admin's -----------------------
  [`GET ${W}/notifications`]: MEMBERS,
  [`GET ${W}/notifications/unread-count`]: MEMBERS,
  [`POST ${W}/notifications/read`]: MEMBERS,
  [`GET ${W}/notification-preferences`]: MEMBERS,
  [`PUT ${W}/notification-preferences`]: MEMBERS,
  [`GET ${W}/deliveries`]: ADMIN,
  [`GET ${W}/deliveries/:deliveryId`]: ADMIN,
  [`POST ${W}/deliveries/:deliveryId/retry`]: ADMIN,
  [`POST ${W}/deliveries/:deliveryId/discard`]: ADMIN,
  [`GET ${W}/webhooks`]: ADMIN,
  [`POST ${W}/webhooks`]: ADMIN,
  [`PATCH ${W}/webhooks/:subscriptionId`]: ADMIN,
  [`DELETE ${W}/webhooks/:subscriptionId`]: ADMIN,
  [`POST ${W}/webhooks/:subscriptionId/test`]: ADMIN,
  [`GET ${W}/slack-channels`]: ADMIN,
  [`POST ${W}/slack-channels`]: ADMIN,
  [`PATCH ${W}/slack-channels/:channelId`]: ADMIN,
  [`DELETE ${W}/slack-channels/:channelId`]: ADMIN,
  [`POST ${W}/slack-channels/:channelId/test`]: ADMIN,
};
