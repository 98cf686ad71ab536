import { endpoint } from '../endpoint.ts';
import { ErasePersonRequest, ErasePersonResponse, PersonDataExport, PersonParam } from '../people-data.ts';

/** The people-data module's rows of the endpoint table (`people`): a data-subject request's export and erasure. */
const PEOPLE = 'people data';

export const exportPerson = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/people/:userId/data',
  summary: 'Everything Tandem holds about a person in this workspace, as JSON',
  tag: PEOPLE,
  access: { action: 'members.manage' },
  sessionOnly: true,
  params: PersonParam,
  response: PersonDataExport,
});

export const erasePerson = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/people/:userId/erase',
  summary: 'Erase a person: sign-ins, sessions and tokens go; name and email become a placeholder everywhere',
  tag: PEOPLE,
  access: { action: 'members.manage' },
  sessionOnly: true,
  params: PersonParam,
  body: ErasePersonRequest,
  response: ErasePersonResponse,
});
