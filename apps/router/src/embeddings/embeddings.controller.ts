import { Controller, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRefusalFilter } from '../access/access-refusal.filter.js';
import { AccessGuard } from '../access/access.guard.js';
import { ModelLookupGuard } from '../routing/model-lookup.guard.js';
import { routingContextOf } from '../routing/routing-context.js';
import { ServesFormat } from '../routing/serves-format.decorator.js';
import { EmbeddingsService } from './embeddings.service.js';

/**
 * `POST /v1/embeddings`, OpenAI's format (errors included). The guards apply as to chat: unknown model
 * 404, model allowlists 403, limits (no output tokens reserved), usage settled from the answer.
 */
@Controller('v1')
@UseGuards(ModelLookupGuard, AccessGuard)
@UseFilters(AccessRefusalFilter)
export class EmbeddingsController {
  constructor(@Inject(EmbeddingsService) private readonly embeddings: EmbeddingsService) {}

  @Post('embeddings')
  @ServesFormat('openai-chat', 'embeddings')
  create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.embeddings.handle(request, reply, routingContextOf(request));
  }
}
