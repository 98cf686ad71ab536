import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/meetings';
import { route } from '../../http/endpoint-route.ts';
import { tenantOf } from '../../http/request-context.ts';
import type { MeetingsService } from './meetings.service.ts';

/** What the meetings module's routes need: its own service, nothing else. */
export interface MeetingsServices {
  meetings: MeetingsService;
}

/** Series, occurrences with their agenda and minutes, action items, the .ics invitation and the Markdown export. */
export const meetingsRoutes: FastifyPluginAsync<MeetingsServices> = async (app, { meetings }) => {
  route(app, api.list, async (req) => meetings.list(tenantOf(req)));
  route(app, api.create, async (req) => meetings.create(tenantOf(req), req.body));
  route(app, api.memberOptions, async (req) => meetings.memberOptions(tenantOf(req)));
  route(app, api.metrics, async (req) => meetings.metrics(tenantOf(req), req.query));
  route(app, api.get, async (req) => meetings.get(tenantOf(req), req.params.seriesId));
  route(app, api.occurrence, async (req) => meetings.occurrence(tenantOf(req), req.params.seriesId, req.params.number));
  route(app, api.addAgendaItem, async (req) => meetings.addAgendaItem(tenantOf(req), req.params.seriesId, req.params.number, req.body));
  route(app, api.reorderAgenda, async (req) => meetings.reorderAgenda(tenantOf(req), req.params.seriesId, req.params.number, req.body));
  route(app, api.editAgendaItem, async (req) => meetings.editAgendaItem(tenantOf(req), req.params.seriesId, req.params.number, req.params.agendaItemId, req.body));
  route(app, api.publish, async (req) => meetings.publish(tenantOf(req), req.params.seriesId, req.params.number));
  route(app, api.attendance, async (req) => meetings.setAttendance(tenantOf(req), req.params.seriesId, req.params.number, req.body));
  route(app, api.createActionItem, async (req) => meetings.createActionItem(tenantOf(req), req.params.seriesId, req.params.number, req.body));
  route(app, api.updateActionItem, async (req) => meetings.updateActionItem(tenantOf(req), req.params.actionItemId, req.body));
  route(app, api.invite, async (req, reply) => {
    const text = await meetings.invite(tenantOf(req), req.params.seriesId, req.params.number);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${req.params.number}.ics"`)
      .send(text);
  });
  route(app, api.exportMarkdown, async (req, reply) => {
    const text = await meetings.exportMarkdown(tenantOf(req), req.params.seriesId, req.params.number, req.query.part);
    return reply
      .type('text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="${req.query.part}-${req.params.number}.md"`)
      .send(text);
  });
};
