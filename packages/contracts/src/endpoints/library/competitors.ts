import { WorkspaceParam, endpoint, workspaceAnd } from '../../endpoint.ts';
import {
  Competitor,
  CompetitorList,
  CompetitorListQuery,
  CompetitorPage,
  CreateCompetitorRequest,
  UnlinkedCompetitorNames,
  UpdateCompetitorRequest,
} from '../../library/competitors.ts';

// The library's competitors rows of the endpoint table (see ../library.ts).
const CompetitorParam = workspaceAnd('competitorId');
const read = { action: 'competitors.read' } as const;
const write = { action: 'competitors.write' } as const;

export const competitorsList = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/competitors',
  summary: 'Competitors with their win rate (sample and interval), open pipeline and battlecard freshness',
  tag: 'competitors',
  access: read,
  params: WorkspaceParam,
  query: CompetitorListQuery,
  response: CompetitorList,
});

export const competitorsCreate = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/competitors',
  summary: 'Create a competitor; its name and aliases link past deals and feedback at once',
  tag: 'competitors',
  access: write,
  params: WorkspaceParam,
  body: CreateCompetitorRequest,
  status: 201,
  response: Competitor,
});

export const competitorsUnlinked = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/competitors/unlinked',
  summary: 'Competitor names seen in deals and feedback that match no record, with counts',
  tag: 'competitors',
  access: read,
  params: WorkspaceParam,
  response: UnlinkedCompetitorNames,
});

export const competitorsGet = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/competitors/:competitorId',
  summary: 'The competitor page: win rate over time with intervals, lost revenue, themes, battlecards, field intel',
  tag: 'competitors',
  access: read,
  params: CompetitorParam,
  response: CompetitorPage,
});

export const competitorsUpdate = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/competitors/:competitorId',
  summary: 'Rename a competitor, change its aliases, website or description',
  tag: 'competitors',
  access: write,
  params: CompetitorParam,
  body: UpdateCompetitorRequest,
  response: Competitor,
});

export const competitorsDelete = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/competitors/:competitorId',
  summary: 'Delete a competitor no asset is tagged with; deals and feedback keep their text',
  tag: 'competitors',
  access: write,
  params: CompetitorParam,
  status: 204,
});
