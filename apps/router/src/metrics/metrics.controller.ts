import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { RouterMetrics } from './router-metrics.js';

/** `GET /metrics` in Prometheus' text format. */
@Controller()
export class MetricsController {
  constructor(@Inject(RouterMetrics) private readonly metrics: RouterMetrics) {}

  @Get('metrics')
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const text = await this.metrics.registry.metrics();
    await reply.code(200).header('content-type', this.metrics.registry.contentType).send(text);
  }
}
