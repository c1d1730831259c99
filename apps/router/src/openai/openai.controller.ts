import { Controller, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRefusalFilter } from '../access/access-refusal.filter.js';
import { AccessGuard } from '../access/access.guard.js';
import { ModelLookupGuard } from '../routing/model-lookup.guard.js';
import { RouterService } from '../routing/router.service.js';
import { routingContextOf } from '../routing/routing-context.js';
import { ServesFormat } from '../routing/serves-format.decorator.js';

/** The OpenAI-format endpoints (chat, legacy completions, Responses). All answer in OpenAI's format, errors included. */
@Controller('v1')
@UseGuards(ModelLookupGuard, AccessGuard)
@UseFilters(AccessRefusalFilter)
export class OpenAIController {
  constructor(@Inject(RouterService) private readonly router: RouterService) {}

  @Post('chat/completions')
  @ServesFormat('openai-chat')
  chatCompletions(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.router.handle(request, reply, routingContextOf(request));
  }

  @Post('completions')
  @ServesFormat('openai-completions')
  completions(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.router.handle(request, reply, routingContextOf(request));
  }

  /** The Responses API (docs/protocols.md §8): passthrough to providers that speak it, translated for the rest. */
  @Post('responses')
  @ServesFormat('openai-responses')
  responses(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.router.handle(request, reply, routingContextOf(request));
  }
}
