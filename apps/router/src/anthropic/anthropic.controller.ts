import { Controller, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRefusalFilter } from '../access/access-refusal.filter.js';
import { AccessGuard } from '../access/access.guard.js';
import { ModelLookupGuard } from '../routing/model-lookup.guard.js';
import { RouterService } from '../routing/router.service.js';
import { routingContextOf } from '../routing/routing-context.js';
import { ServesFormat } from '../routing/serves-format.decorator.js';

/**
 * The Anthropic Messages endpoint. Query strings such as Claude Code's `?beta=true` are ignored;
 * clients authenticate with `x-api-key` or `Authorization: Bearer` (neither is forwarded upstream
 * unless the model says so).
 */
@Controller('v1')
@UseGuards(ModelLookupGuard, AccessGuard)
@UseFilters(AccessRefusalFilter)
export class AnthropicController {
  constructor(@Inject(RouterService) private readonly router: RouterService) {}

  @Post('messages')
  @ServesFormat('anthropic-messages')
  messages(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.router.handle(request, reply, routingContextOf(request));
  }

  /** Claude Code's `/context` relies on it: answered for every model, from an estimate when the upstream has no such endpoint. */
  @Post('messages/count_tokens')
  @ServesFormat('anthropic-messages', 'count_tokens')
  countTokens(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.router.countTokens(request, reply, routingContextOf(request));
  }
}
