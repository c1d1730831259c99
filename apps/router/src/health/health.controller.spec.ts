import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccessPolicy } from '@llm-router/access';
import { AccessRuntime } from '../access/access-runtime.js';
import { ShutdownState } from '../lifecycle/shutdown-state.js';
import { RouterMetrics } from '../metrics/router-metrics.js';
import { RouteTable } from '../routing/route-table.js';
import { HealthController } from './health.controller.js';

describe('HealthController', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [HealthController],
      providers: [
        ShutdownState,
        { provide: RouteTable, useValue: new RouteTable(new Map()) },
        // No auth: the access layer shows every model.
        { provide: AccessRuntime, useValue: { current: { policy: new AccessPolicy({ models: {} }) } } },
        { provide: RouterMetrics, useValue: {} },
      ],
    }).compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it("answers /health with the seed's status: healthy", async () => {
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'healthy', service: 'llm-router', models: [] });
  });

  it('is live and ready until a shutdown starts, then not ready (503) but still live', async () => {
    const get = (url: string) => app.inject({ method: 'GET', url });
    expect((await get('/health/live')).statusCode).toBe(200);
    expect((await get('/health/ready')).json()).toEqual({ status: 'ready' });
    app.get(ShutdownState).startDraining();
    const ready = await get('/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'draining' });
    expect((await get('/health/live')).statusCode).toBe(200);
  });
});
