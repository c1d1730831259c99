import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type Anthropic from '@anthropic-ai/sdk';
import { readFixtureJson } from '@llm-router/testing';
import { MODELS, startMatrixWorld, type MatrixWorld } from './support/matrix-setup.js';

// Claude Code 2.1.197's own request bodies (captured, trimmed: libs/testing/fixtures/README.md), sent with
// the official @anthropic-ai/sdk and Claude Code's beta headers through the built router to the strict
// OpenAI and Ollama mocks: what each upstream receives, and that the client gets a valid answer.

type Body = Record<string, unknown>;
type Message = { role: string; content: unknown; tool_call_id?: string };

const HEADERS = readFixtureJson<Record<string, string>>('anthropic/claude-code.request.headers.json');
const firstTurn = (): Body => readFixtureJson<Body>('anthropic/claude-code-first-turn.request.json');
const toolSearch = (): Body => readFixtureJson<Body>('anthropic/claude-code-tool-search.request.json');

let world: MatrixWorld;
beforeAll(async () => {
  world = await startMatrixWorld();
}, 30_000);
afterAll(async () => {
  await world?.close();
}, 20_000);
beforeEach(() => Object.values(world.mocks).forEach((m) => m.reset()));

interface Streamed {
  startInputTokens: number;
  events: string[];
  stopReason: string | null | undefined;
}

/** Sends a Claude Code body as Claude Code does (streamed, its betas, `?beta=true`) and reads the whole stream. */
async function send(body: Body, model: string): Promise<Streamed> {
  const params = { ...body, model, stream: true } as unknown as Anthropic.Beta.MessageCreateParamsStreaming;
  const stream = await world.anthropic.beta.messages.create(params, { headers: { 'anthropic-beta': HEADERS['anthropic-beta'] ?? '', 'x-app': 'cli' } });
  const result: Streamed = { startInputTokens: -1, events: [], stopReason: undefined };
  for await (const event of stream) {
    result.events.push(event.type);
    if (event.type === 'message_start') result.startInputTokens = event.message.usage.input_tokens;
    if (event.type === 'message_delta') result.stopReason = event.delta.stop_reason;
  }
  return result;
}

function expectValidAnswer(answer: Streamed): void {
  expect(answer.events[0]).toBe('message_start');
  expect(answer.events.at(-1)).toBe('message_stop');
  expect(answer.events).toContain('content_block_delta');
  expect(['end_turn', 'tool_use']).toContain(answer.stopReason);
}

const messagesOf = (body: Body): Message[] => body['messages'] as Message[];
const systemTextOf = (body: Body): string => messagesOf(body).filter((m) => m.role === 'system').map((m) => String(m.content)).join('\n');
const openAIToolNames = (body: Body): string[] => ((body['tools'] ?? []) as Array<{ function: { name: string } }>).map((t) => t.function.name);
const ollamaToolNames = openAIToolNames;
const toolMessages = (body: Body): Message[] => messagesOf(body).filter((m) => m.role === 'tool');

describe('Claude Code -> OpenAI upstream', () => {
  const model = MODELS.openai.client;

  it('adaptive thinking with output_config.effort high arrives as reasoning_effort high, without the billing line', async () => {
    const answer = await send(firstTurn(), model);
    expectValidAnswer(answer);
    const body = world.lastBody('openai');
    expect(body['reasoning_effort']).toBe('high');
    expect(systemTextOf(body)).toContain("You are a Claude agent, built on Anthropic's Claude Agent SDK.");
    expect(JSON.stringify(body)).not.toContain('x-anthropic-billing-header');
    expect(JSON.stringify(body)).not.toContain('cc_version');
  });

  it.each([
    ['low', 'low'],
    ['medium', 'medium'],
    ['max', 'max'],
  ])('effort %s arrives as reasoning_effort %s', async (effort, expected) => {
    expectValidAnswer(await send({ ...firstTurn(), output_config: { effort } }, model));
    expect(world.lastBody('openai')['reasoning_effort']).toBe(expected);
  });

  it('a ToolSearch answer (tool_reference) is a tool message "Tool loaded: WebFetch", and WebFetch is offered once loaded', async () => {
    const answer = await send(toolSearch(), model);
    expectValidAnswer(answer);
    const body = world.lastBody('openai');
    expect(toolMessages(body)).toEqual([expect.objectContaining({ role: 'tool', content: 'Tool loaded: WebFetch' })]);
    expect(openAIToolNames(body)).toEqual(['Bash', 'Read', 'ToolSearch', 'WebFetch']);
  });

  it('a deferred tool nothing has loaded yet is not offered', async () => {
    const body = toolSearch();
    expectValidAnswer(await send({ ...body, messages: messagesOf(body).slice(0, 1) }, model));
    expect(openAIToolNames(world.lastBody('openai'))).toEqual(['Bash', 'Read', 'ToolSearch']);
  });

  it("message_start's input_tokens is the prompt text at ~4 characters a token (17 for a 68-character prompt), not its JSON bytes", async () => {
    const prompt = 'Tell me one short fact about octopuses and keep it under twenty word';
    expect(prompt.length).toBe(68);
    const answer = await send({ max_tokens: 200, messages: [{ role: 'user', content: prompt }] }, model);
    expectValidAnswer(answer);
    expect(answer.startInputTokens).toBe(17);
  });
});

describe('Claude Code -> Ollama upstream', () => {
  const model = MODELS.ollama.client;

  it('adaptive thinking with output_config.effort high arrives as think "high", without the billing line', async () => {
    const answer = await send(firstTurn(), model);
    expectValidAnswer(answer);
    const body = world.lastBody('ollama');
    expect(body['think']).toBe('high');
    expect(systemTextOf(body)).toContain("You are a Claude agent, built on Anthropic's Claude Agent SDK.");
    expect(JSON.stringify(body)).not.toContain('x-anthropic-billing-header');
  });

  it.each([
    ['low', 'low'],
    ['max', 'high'],
  ])('effort %s arrives as think %j', async (effort, expected) => {
    expectValidAnswer(await send({ ...firstTurn(), output_config: { effort } }, model));
    expect(world.lastBody('ollama')['think']).toBe(expected);
  });

  it('a ToolSearch answer (tool_reference) is a tool message "Tool loaded: WebFetch", and WebFetch is offered once loaded', async () => {
    const answer = await send(toolSearch(), model);
    expectValidAnswer(answer);
    const body = world.lastBody('ollama');
    expect(toolMessages(body)).toEqual([expect.objectContaining({ role: 'tool', content: 'Tool loaded: WebFetch', tool_name: 'ToolSearch' })]);
    expect(ollamaToolNames(body)).toEqual(['Bash', 'Read', 'ToolSearch', 'WebFetch']);
  });
});

describe('Claude Code -> Anthropic upstream (passthrough)', () => {
  it('keeps the billing line, the effort and the tool_reference as Claude Code sent them; the strict mock accepts them', async () => {
    const answer = await send(toolSearch(), MODELS.anthropic.client);
    expectValidAnswer(answer);
    const body = world.lastBody('anthropic');
    expect((body['system'] as Array<{ text: string }>)[0]?.text).toMatch(/^x-anthropic-billing-header: cc_version=/);
    expect(body['output_config']).toEqual({ effort: 'high' });
    expect(JSON.stringify(body['messages'])).toContain('"type":"tool_reference"');
  });
});
