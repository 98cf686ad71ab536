import { WorkspaceParam, endpoint } from '../../endpoint.ts';
import { MyDealThemes, MyDealThemesQuery } from '../../goals/home.ts';

// The home pages' rows of the goals module's endpoint table (see ../goals.ts).
const tag = 'goals';

export const myDealThemes = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/home/my-deal-themes',
  summary: "The caller's deals' themes: feedback on their open deals or logged by them, ranked by their open pipeline behind each",
  tag,
  access: { action: 'feedback.read' },
  params: WorkspaceParam,
  query: MyDealThemesQuery,
  response: MyDealThemes,
});
