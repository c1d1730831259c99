import { toHeaderMap, type HeaderMap } from '@llm-router/core';
import { buildUpstreamHeaders } from '@llm-router/header-rules';
import type { FastifyRequest } from 'fastify';
import type { RoutingContext } from './routing-context.js';

/**
 * The header policy for one upstream request: the client's headers (minus, when translating, those of
 * the client's own protocol such as `anthropic-version`), the model's header rules, the provider's
 * required headers and the router's auth.
 */
export function upstreamHeaders(incoming: FastifyRequest['headers'], { route }: RoutingContext, foreignProtocol: RegExp | undefined): HeaderMap {
  let client = toHeaderMap(incoming);
  if (foreignProtocol !== undefined) client = Object.fromEntries(Object.entries(client).filter(([name]) => !foreignProtocol.test(name)));
  return buildUpstreamHeaders(client, route.headerRules, {
    forwardCredentials: route.model.forwardClientCredentials,
    required: route.adapter.requiredHeaders,
    router: route.routerHeaders,
  });
}
