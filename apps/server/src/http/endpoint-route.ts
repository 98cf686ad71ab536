import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EndpointDef } from '@tandem/contracts';

/**
 * Registers a route from its row in the endpoint table (`@tandem/contracts`): method, path,
 * schemas, success status and access all come from there, so the server and the web app cannot
 * disagree about them. The handler gets typed params, query and body, and returns the body.
 */
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Reply<E extends EndpointDef> = E['status'] extends 204 ? void : E['response'] extends z.ZodType ? z.input<E['response']> : unknown;

export type EndpointRequest<E extends EndpointDef> = FastifyRequest<{
  Params: Out<E['params']>;
  Querystring: Out<E['query']>;
  Body: E['body'] extends z.ZodType ? z.output<E['body']> : unknown;
}>;

export type EndpointHandler<E extends EndpointDef> = (req: EndpointRequest<E>, reply: FastifyReply) => Promise<Reply<E> | FastifyReply>;

export function routeConfig(e: EndpointDef): FastifyContextConfig {
  const config: FastifyContextConfig = e.access === 'public' || e.access === 'user' ? { access: e.access } : { action: e.access.action };
  if (e.sessionOnly) config.sessionOnly = true;
  return config;
}

export function routeSchema(e: EndpointDef) {
  const status = e.status ?? 200;
  const response = status === 204 ? z.null() : e.response;
  return {
    tags: [e.tag],
    summary: e.summary,
    ...(e.hidden ? { hide: true } : {}),
    ...(e.params ? { params: e.params } : {}),
    ...(e.query ? { querystring: e.query } : {}),
    ...(e.body && e.body !== 'multipart' ? { body: e.body } : {}),
    ...(e.body === 'multipart' ? { consumes: ['multipart/form-data'] } : {}),
    ...(e.produces ? { produces: [e.produces] } : {}),
    ...(response ? { response: { [status]: response } } : {}),
  };
}

export function route<E extends EndpointDef>(app: FastifyInstance, e: E, handler: EndpointHandler<E>): void {
  const status = e.status ?? 200;
  app.route({
    method: e.method,
    url: e.path,
    config: routeConfig(e),
    schema: routeSchema(e),
    handler: async (req, reply) => {
      const result = await handler(req as unknown as EndpointRequest<E>, reply);
      if (result === reply || reply.sent) return reply;
      if (status === 204) return reply.code(204).send(null);
      return reply.code(status).send(result);
    },
  });
}
