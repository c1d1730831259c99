import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { startMockOpenAI, type MockUpstream } from '@llm-router/testing';
import OpenAI from 'openai';
import { startRouter, type RunningRouter } from './support/start-router.js';

// GET /metrics on the admin listener after real traffic: counts, latencies, tokens, retries and upstream errors by class.

describe('GET /metrics', () => {
  let openai: MockUpstream;
  let router: RunningRouter;
  let metrics = '';

  const value = (series: string): number => {
    const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
    if (line === undefined) throw new Error(`no series ${series} in:\n${metrics}`);
    return Number(line.slice(series.length + 1));
  };

  beforeAll(async () => {
    openai = await startMockOpenAI();
    const upstream = { provider: 'openai', endpoint: `${openai.origin}/v1`, retry_config: { max_retries: 1, initial_delay: 0.01, max_delay: 0.05 } };
    router = await startRouter({ config: { models: { gpt: upstream } } });
    const client = new OpenAI({ apiKey: 'unused', baseURL: `${router.url}/v1`, maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
    await client.chat.completions.stream({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }).finalChatCompletion();
    openai.enqueue({ status: 503 });
    await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
    openai.enqueue({ status: 500 }, { status: 500 });
    await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }).catch(() => undefined);
    await new Anthropic({ apiKey: 'unused', baseURL: router.url, maxRetries: 0 }).messages
      .create({ model: 'nope', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] })
      .catch(() => undefined);
    const response = await fetch(`${router.adminUrl}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    metrics = await response.text();
  }, 30_000);
  afterAll(async () => {
    await router?.stop();
    await openai?.close();
  });

  it('counts requests by model, provider, client format, status and streaming', () => {
    expect(value('llm_router_requests_total{model="gpt",provider="openai",client_format="openai-chat",status="200",stream="false",caller=""}')).toBe(2);
    expect(value('llm_router_requests_total{model="gpt",provider="openai",client_format="openai-chat",status="200",stream="true",caller=""}')).toBe(1);
    expect(value('llm_router_requests_total{model="gpt",provider="openai",client_format="openai-chat",status="500",stream="false",caller=""}')).toBe(1);
    expect(value('llm_router_requests_total{model="nope",provider="",client_format="anthropic-messages",status="404",stream="false",caller=""}')).toBe(1);
  });

  it('times requests, first bytes, the upstream and the router overhead', () => {
    expect(value('llm_router_request_duration_seconds_count{model="gpt",provider="openai",client_format="openai-chat",stream="false"}')).toBe(3);
    expect(value('llm_router_time_to_first_byte_seconds_count{model="gpt",provider="openai",stream="true"}')).toBe(1);
    expect(value('llm_router_upstream_duration_seconds_count{model="gpt",provider="openai"}')).toBe(4);
    expect(value('llm_router_overhead_seconds_count{model="gpt",provider="openai"}')).toBe(4);
  });

  it('counts retries, upstream errors by class, tokens, and no stream left open', () => {
    expect(value('llm_router_upstream_retries_total{model="gpt",provider="openai"}')).toBe(2);
    expect(value('llm_router_upstream_errors_total{model="gpt",provider="openai",class="http_500"}')).toBe(1);
    expect(value('llm_router_tokens_total{model="gpt",direction="input",caller=""}')).toBeGreaterThan(0);
    expect(value('llm_router_tokens_total{model="gpt",direction="output",caller=""}')).toBeGreaterThan(0);
    expect(value('llm_router_active_streams{client_format="openai-chat"}')).toBe(0);
    expect(metrics).toContain('llm_router_process_cpu_seconds_total');
  });
});
