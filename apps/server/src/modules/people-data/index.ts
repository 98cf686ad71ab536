// A person's data on request (data-subject requests): an admin exports everything Tandem holds about a person, or
// erases them — sign-ins, sessions and tokens go, their name and email become a stable placeholder in every table
// (found through information_schema, so tables added later are covered), what they wrote stays unattributed.
import type { Deps } from '../../lib/deps.ts';
import { createPeopleDataService, type PeopleDataService } from './people-data.service.ts';

export { peopleDataRoutes } from './people-data.routes.ts';
export { placeholderFor } from './people-data.service.ts';
export type { PeopleDataService };

export function createPeopleDataServices(deps: Deps): { peopleData: PeopleDataService } {
  return { peopleData: createPeopleDataService(deps) };
}
