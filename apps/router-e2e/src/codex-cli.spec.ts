import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMockAnthropic, startMockOllama, startMockOpenAI, type MockUpstream, type RecordedRequest } from '@llm-router/testing';
import { runCodex } from './support/codex-cli.js';
import { CODEX_FINAL_TEXT, CODEX_MARKER, codexTurns, type CodexUpstream } from './support/codex-turns.js';
import { startRouter, type RunningRouter } from './support/start-router.js';

// OpenAI's Codex CLI (`@openai/codex`, headless `codex exec`, wire_api "responses") through the router: one
// turn in which the model calls Codex's shell tool, Codex runs the command in its sandbox and sends the
// output back, and the model answers. Against an OpenAI upstream (Responses passthrough), an OpenAI-compatible
// server that speaks only chat (`api: chat`: translated), Anthropic and Ollama (translated). The mocks are
// as strict as the real APIs; what each saw is asserted, so a translation that loses the tool call, its id or
// its output fails here.

const ROUTER_KEY = 'sk-router-codex-0123456789';

interface Case {
  family: CodexUpstream;
  model: string;
  upstreamModel: string;
  /** The command output as the upstream saw it in the second request (in its own format). */
  toolOutput(request: RecordedRequest): unknown;
}

const CASES: Case[] = [
  {
    family: 'openai-responses',
    model: 'codex-openai',
    upstreamModel: 'gpt-5-codex',
    toolOutput: (request) => items(request).find((item) => item['type'] === 'function_call_output'),
  },
  {
    family: 'openai-chat',
    model: 'codex-chat-only',
    upstreamModel: 'qwen3-coder',
    toolOutput: (request) => list(request, 'messages').find((message) => message['role'] === 'tool'),
  },
  {
    family: 'anthropic',
    model: 'codex-claude',
    upstreamModel: 'claude-sonnet-4-5',
    toolOutput: (request) =>
      list(request, 'messages')
        .flatMap((message) => (Array.isArray(message['content']) ? (message['content'] as Record<string, unknown>[]) : []))
        .find((part) => part['type'] === 'tool_result'),
  },
  {
    family: 'ollama',
    model: 'codex-ollama',
    upstreamModel: 'qwen3:8b',
    toolOutput: (request) => list(request, 'messages').find((message) => message['role'] === 'tool'),
  },
];

function list(request: RecordedRequest, field: string): Record<string, unknown>[] {
  const value = (request.body as Record<string, unknown>)[field];
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}
const items = (request: RecordedRequest) => list(request, 'input');

describe('Codex CLI through the router', () => {
  const mocks = new Map<CodexUpstream, MockUpstream>();
  let router: RunningRouter;

  beforeAll(async () => {
    mocks.set('openai-responses', await startMockOpenAI());
    mocks.set('openai-chat', await startMockOpenAI());
    mocks.set('anthropic', await startMockAnthropic());
    mocks.set('ollama', await startMockOllama());
    const endpoint = (family: CodexUpstream) => `${mocks.get(family)!.origin}${family.startsWith('openai') ? '/v1' : ''}`;
    router = await startRouter({
      config: {
        models: {
          'codex-openai': { provider: 'openai', endpoint: endpoint('openai-responses'), actual_model_name: 'gpt-5-codex' },
          'codex-chat-only': { provider: 'openai', api: 'chat', endpoint: endpoint('openai-chat'), actual_model_name: 'qwen3-coder' },
          'codex-claude': { provider: 'anthropic', endpoint: endpoint('anthropic'), actual_model_name: 'claude-sonnet-4-5' },
          'codex-ollama': { provider: 'ollama', endpoint: endpoint('ollama'), actual_model_name: 'qwen3:8b' },
        },
        auth: { keys: [{ name: 'codex', key: ROUTER_KEY }] },
      },
    });
  }, 30_000);

  afterAll(async () => {
    await router?.stop();
    for (const mock of mocks.values()) await mock.close();
  });

  it.each(CASES)('completes a shell-tool turn against $family ($model)', async ({ family, model, upstreamModel, toolOutput }) => {
    const mock = mocks.get(family)!;
    mock.reset();
    mock.enqueue(...codexTurns(family, upstreamModel));
    const run = await runCodex({ routerUrl: router.url, model, prompt: `Run \`echo ${CODEX_MARKER}\` and tell me what it printed.`, apiKey: ROUTER_KEY });

    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: expect.stringContaining(CODEX_FINAL_TEXT) });
    // Codex ran the command the model asked for.
    expect(run.stderr).toContain(`echo ${CODEX_MARKER}`);
    const requests = mock.requests.filter((request) => request.method === 'POST');
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect((request.body as Record<string, unknown>)['model']).toBe(upstreamModel);
      // The router key never reaches an upstream.
      expect(JSON.stringify(request.headers)).not.toContain(ROUTER_KEY);
    }
    // The second request carries the command's real output, tied to the model's call.
    const output = toolOutput(requests[1]!);
    expect(JSON.stringify(output)).toContain(CODEX_MARKER);
    expect(JSON.stringify(output)).toMatch(/call_codex_1|toolu_codex_1/);
  }, 90_000);

  it('answers the WebSocket upgrade Codex may try first on /v1/responses at once, with an HTTP error it falls back on', async () => {
    const started = Date.now();
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${router.url}/v1/responses`, {
        headers: { authorization: `Bearer ${ROUTER_KEY}`, connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'openai-beta': 'responses_websockets=2026-02-06' },
      });
      request.on('upgrade', () => reject(new Error('the router accepted a WebSocket upgrade')));
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect((JSON.parse(body) as { error?: { message?: unknown } }).error?.message).toEqual(expect.any(String));
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
