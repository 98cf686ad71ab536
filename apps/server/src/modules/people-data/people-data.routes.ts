import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/people';
import { route } from '../../http/endpoint-route.ts';
import { tenantOf } from '../../http/request-context.ts';
import type { PeopleDataService } from './people-data.service.ts';

export const peopleDataRoutes: FastifyPluginAsync<{ peopleData: PeopleDataService }> = async (app, { peopleData }) => {
  route(app, api.exportPerson, async (req) => peopleData.exportPerson(tenantOf(req), req.params.userId));
  route(app, api.erasePerson, async (req) => peopleData.erasePerson(tenantOf(req), req.params.userId, req.body.email));
};
