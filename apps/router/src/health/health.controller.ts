import { Controller, Get, Headers, HttpCode, Inject, Req, Res, UseFilters } from '@nestjs/common';
import { RouterError } from '@llm-router/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRefusalFilter } from '../access/access-refusal.filter.js';
import { AccessRuntime } from '../access/access-runtime.js';
import { visibleModels } from '../access/visible-models.js';
import { ShutdownState } from '../lifecycle/shutdown-state.js';
import { RouteTable } from '../routing/route-table.js';
import { VERSION } from './version.js';

/**
 * Status and the model lists. No guard: these never touch an upstream. The probes are public; with `auth`,
 * `/v1/models` needs a key and lists the models it allows, and `/health` names the models only to a caller
 * with a valid key (the field is absent otherwise).
 */
@Controller()
@UseFilters(AccessRefusalFilter)
export class HealthController {
  private readonly bootedAt = Math.floor(Date.now() / 1000);

  constructor(
    @Inject(RouteTable) private readonly routes: RouteTable,
    @Inject(ShutdownState) private readonly shutdown: ShutdownState,
    @Inject(AccessRuntime) private readonly access: AccessRuntime,
  ) {}

  /** Liveness: the process answers. */
  @Get('health/live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 503 once a shutdown started, so no new traffic is sent while in-flight requests finish. */
  @Get('health/ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply): { status: 'ready' | 'draining' } {
    if (this.shutdown.isDraining) {
      void reply.code(503);
      return { status: 'draining' };
    }
    return { status: 'ready' };
  }

  /** The seed's shape (`status: "healthy"`), plus the service name, version and active config hash. */
  @Get('health')
  async health(@Req() request: FastifyRequest): Promise<{ status: 'healthy'; service: string; version: string; models?: string[]; config: string }> {
    const visible = await visibleModels(this.access, request, { required: false, family: 'openai' });
    const models = visible === undefined ? undefined : this.routes.all().map((r) => r.name).filter((name) => visible === 'all' || visible.has(name));
    return { status: 'healthy', service: 'llm-router', version: VERSION, ...(models !== undefined && { models }), config: this.routes.configHash };
  }

  /** OpenAI's list shape, or Anthropic's when the client sends `anthropic-version` (as its SDK does). */
  @Get('v1/models')
  async models(@Req() request: FastifyRequest, @Headers('anthropic-version') anthropicVersion: string | undefined): Promise<unknown> {
    const visible = await visibleModels(this.access, request, { required: true, family: anthropicVersion === undefined ? 'openai' : 'anthropic' });
    const routes = this.routes.all().filter((r) => visible === 'all' || visible?.has(r.name) === true);
    if (anthropicVersion !== undefined) {
      const createdAt = new Date(this.bootedAt * 1000).toISOString();
      const data = routes.map((r) => ({ type: 'model', id: r.name, display_name: r.name, created_at: createdAt }));
      return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
    }
    return {
      object: 'list',
      data: routes.map((r) => ({ id: r.name, object: 'model', created: this.bootedAt, owned_by: r.adapter.provider })),
    };
  }

  /**
   * One model, in OpenAI's shape or Anthropic's (with `anthropic-version`). Ids may contain `/`
   * (`meta/llama-3`), hence the wildcard; an encoded `%2F` works too. An unknown id, or one the caller's key
   * may not use, is a 404 `model_not_found` in the client's format (the exception filter picks it from the
   * `anthropic-version` header), as OpenAI answers for a model one has no access to.
   */
  @Get('v1/models/*')
  async model(@Req() request: FastifyRequest, @Headers('anthropic-version') anthropicVersion: string | undefined): Promise<unknown> {
    const visible = await visibleModels(this.access, request, { required: true, family: anthropicVersion === undefined ? 'openai' : 'anthropic' });
    const id = modelIdOf(request.url);
    const route = this.routes.get(id);
    if (route === undefined || (visible !== 'all' && visible?.has(id) !== true)) {
      throw new RouterError('not_found', `The model '${id}' does not exist on this router.`, { param: 'model', code: 'model_not_found' });
    }
    if (anthropicVersion !== undefined) return { type: 'model', id, display_name: id, created_at: new Date(this.bootedAt * 1000).toISOString() };
    return { id, object: 'model', created: this.bootedAt, owned_by: route.adapter.provider };
  }
}

const MODELS_PREFIX = '/v1/models/';

/** The model id of a `/v1/models/<id>` URL: everything after the prefix, query dropped, percent-decoded. */
function modelIdOf(url: string): string {
  const path = (url.split('?', 1)[0] ?? '').slice(MODELS_PREFIX.length);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
