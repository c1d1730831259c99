import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RouterError, type RoutableRequest } from '@llm-router/core';
import { requestRecordOf } from '@llm-router/logging';
import type { FastifyRequest } from 'fastify';
import { codecFor } from './client-codecs.js';
import { requireAnthropicMessages } from './require-messages.js';
import { RouteTable } from './route-table.js';
import { setRoutingContext } from './routing-context.js';
import { SERVES_FORMAT, type ServedFormat } from './serves-format.decorator.js';

/**
 * Runs before any upstream work: checks the body is routable in the client's format (400 in that
 * format otherwise), looks the model up (404 in that format when unknown) and attaches the
 * RoutingContext the controller uses.
 */
@Injectable()
export class ModelLookupGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(RouteTable) private readonly routes: RouteTable,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const served = this.reflector.get<ServedFormat | undefined>(SERVES_FORMAT, context.getHandler());
    if (served === undefined) throw new Error(`${context.getClass().name}.${context.getHandler().name} has no @ServesFormat`);
    const { format, operation } = served;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const codec = codecFor(format);
    const record = requestRecordOf(request);
    if (record) record.clientFormat = format;

    const { model, stream } = operation === 'generate' ? codec.inspect(request.body) : inspectModelOnly(request.body);
    if (format === 'anthropic-messages') requireAnthropicMessages(request.body);
    if (record) {
      record.model = model;
      record.stream = stream;
    }
    const route = this.routes.get(model);
    if (route === undefined) {
      throw new RouterError('not_found', `The model '${model}' does not exist on this router.`, { param: 'model', code: 'model_not_found' });
    }
    if (record) {
      record.provider = route.adapter.provider;
      record.upstreamModel = route.model.actualModelName;
    }
    setRoutingContext(request, { format, codec, route, clientModel: model, stream });
    return true;
  }
}

/** Token counting and embeddings take no `max_tokens` and never stream: only the model must be there. */
function inspectModelOnly(body: unknown): RoutableRequest {
  const model = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)['model'] : undefined;
  if (typeof model !== 'string' || model === '') throw RouterError.invalidRequest('model: Field required', 'model');
  return { model, stream: false };
}
