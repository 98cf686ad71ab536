import { z } from 'zod';
import type { Action } from './permissions.ts';

/**
 * One row of the endpoint table: everything the server registers a route from and the web app
 * calls it with. The server takes method, path, schemas and access from here (apps/server
 * `http/endpoint-route.ts`); the web app calls through `call(endpoint, input)` and never spells a path.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type SuccessStatus = 200 | 201 | 202 | 204;

/** Who may call: a workspace action from the permission table, any signed-in person, or anyone. */
export type EndpointAccess = { action: Action } | 'user' | 'public';

export interface EndpointDef {
  method: HttpMethod;
  /** Under `/api/v1`, with `:name` parameters (e.g. `/workspaces/:workspace/deals/:dealId`). */
  path: string;
  /** One line for the API docs. */
  summary: string;
  /** The OpenAPI tag (usually the module). */
  tag: string;
  access: EndpointAccess;
  /** API tokens are refused (e.g. managing tokens: a token must not mint longer-lived ones). */
  sessionOnly?: boolean;
  params?: z.ZodObject;
  query?: z.ZodType;
  /** A zod schema for JSON bodies; `'multipart'` for file uploads (read by the handler). */
  body?: z.ZodType | 'multipart';
  /** The success status; 200 unless said. 204 answers no body. */
  status?: SuccessStatus;
  /** The success body; absent for 204 and for endpoints that answer a file (`produces`). */
  response?: z.ZodType;
  /** A non-JSON answer (e.g. `text/csv`), streamed by the handler. */
  produces?: string;
  /** Left out of the OpenAPI document. */
  hidden?: boolean;
}

/** Declares an endpoint, keeping its literal types (the path, the schemas) for the server and web. */
export function endpoint<const E extends EndpointDef>(def: E): E {
  return def;
}

/** The `:workspace` path parameter every workspace endpoint shares (a slug). */
export const WorkspaceParam = z.object({ workspace: z.string().min(1).max(64) });

/** `:workspace` plus one uuid parameter, e.g. `withId('dealId')`. */
export function workspaceAnd<const K extends string>(...names: K[]) {
  const shape = Object.fromEntries(names.map((n) => [n, z.uuid()])) as { [P in K]: z.ZodUUID };
  return WorkspaceParam.extend(shape);
}

// What a caller passes and gets back, as types (input types: what is sent before defaults apply).
type In<S> = S extends z.ZodType ? z.input<S> : never;
type Out<S> = S extends z.ZodType ? z.output<S> : never;

export type EndpointParams<E extends EndpointDef> = E['params'] extends z.ZodObject ? In<E['params']> : never;
export type EndpointQuery<E extends EndpointDef> = E['query'] extends z.ZodType ? In<E['query']> : never;
export type EndpointBody<E extends EndpointDef> = E['body'] extends z.ZodType ? In<E['body']> : never;
export type EndpointResponse<E extends EndpointDef> = E['status'] extends 204
  ? void
  : E['response'] extends z.ZodType
    ? Out<E['response']>
    : void;

type Field<K extends string, T> = [T] extends [never] ? { [P in K]?: never } : { [P in K]: T };
type OptionalField<K extends string, T> = [T] extends [never] ? { [P in K]?: never } : { [P in K]?: T };

/** What `call(endpoint, input)` takes: the path parameters, the query (all optional) and the body. */
export type EndpointInput<E extends EndpointDef> = Field<'params', EndpointParams<E>> &
  OptionalField<'query', EndpointQuery<E>> &
  Field<'body', EndpointBody<E>>;

export { endpointPath, endpointQueryString } from './endpoint-path.ts';
