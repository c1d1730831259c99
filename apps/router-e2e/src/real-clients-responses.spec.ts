import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createOpenAI, type OpenAIResponsesProviderOptions } from '@ai-sdk/openai';
import { AIMessage, HumanMessage, type AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { tool as langchainTool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { generateText, Output, stepCountIs, streamText, tool as aiTool } from 'ai';
import { z } from 'zod';
import { PROMPT, STRUCTURED_PROMPT, TOOL_PROMPT, WEATHER_OBJECT, WEATHER_TOOL_NAME, weatherInput, weatherReport, weatherSchema } from './support/real-clients-drivers.js';
import type { FixtureToolCall } from './support/real-clients-fixtures.js';
import {
  CODEX_MODELS,
  expectedReasoning,
  expectedStreamDeltas,
  expectedStreamUsage,
  expectedText,
  fixtureStreamToolCalls,
  fixtureToolCalls,
  RESPONSES_CLIENT_KEY,
  RESPONSES_MODELS,
  RESPONSES_UPSTREAM_MODELS,
  RESPONSES_UPSTREAMS,
  sentStructuredAsk,
  sentToolCalls,
  sentToolResults,
  startResponsesWorld,
  textAnswerBody,
  textStreamAnswer,
  type ResponsesUpstream,
  type ResponsesWorld,
} from './support/real-clients-responses-world.js';
import { newReqId, pollLog, requestLinesFor } from './support/policy-helpers.js';

// The clients that speak the OpenAI Responses API by default, driven as their docs show, against the built
// router: the Vercel AI SDK's default provider (`createOpenAI(...)(model)`, Responses in @ai-sdk/openai 3)
// and LangChain `ChatOpenAI` with `useResponsesApi` (or a `*codex*` model name). Each against an OpenAI
// model (`api: auto`: passed through to /v1/responses), an `api: chat` server, Anthropic and Ollama
// (translated), each a strict mock. Every test checks what the client got and what the mock saw; the router's
// request log line proves the client spoke Responses (clientFormat `openai-responses`).

const MAX_OUTPUT_TOKENS = 1024;

let world: ResponsesWorld;
beforeAll(async () => {
  world = await startResponsesWorld();
}, 30_000);
afterAll(async () => {
  await world?.close();
}, 20_000);
beforeEach(() => world.reset());

type Json = Record<string, unknown>;
const bodies = (upstream: ResponsesUpstream) => world.requests(upstream).map((r) => r.body as Json);

/** Every request of `reqId` was a Responses request, answered 200; `count` of them. */
async function expectResponsesRequests(reqId: string, count: number): Promise<void> {
  // Each line is written when its response closes: wait for the last one.
  await pollLog(world.router, () => requestLinesFor(world.router, reqId).length >= count);
  const lines = requestLinesFor(world.router, reqId);
  expect(lines).toHaveLength(count);
  for (const line of lines) expect(line).toMatchObject({ clientFormat: 'openai-responses', status: 200 });
}

/** The request the mock saw asked for the upstream model, in the upstream's own API. */
function expectOneUpstreamRequest(upstream: ResponsesUpstream, stream: boolean): Json {
  const [body, ...more] = bodies(upstream);
  expect(more).toHaveLength(0);
  expect(body?.['model']).toBe(RESPONSES_UPSTREAM_MODELS[upstream]);
  expect(body?.['stream'] ?? false).toBe(stream);
  return body!;
}

/** The final text a scripted second step answers with: it could only come from that answer. */
const finalTextFor = (calls: FixtureToolCall[]) => `Warmer in Tokyo. ${calls.map((call) => weatherReport(call.input as { city: string })).join('; ')}.`;

/** The follow-up carried the calls the upstream made (names, arguments, ids) and the tool's results for them. */
function expectToolResultsSent(upstream: ResponsesUpstream, followUp: Json, calls: FixtureToolCall[]): void {
  expect(sentToolCalls(upstream, followUp).map(({ name, input }) => ({ name, input }))).toEqual(calls.map(({ name, input }) => ({ name, input })));
  const results = sentToolResults(upstream, followUp);
  expect(results.map((result) => result.text)).toEqual(calls.map((call) => expect.stringContaining(weatherReport(call.input as { city: string }))));
  if (upstream === 'ollama') {
    expect(results.map((result) => result.name)).toEqual(calls.map((call) => call.name));
  } else {
    expect(sentToolCalls(upstream, followUp).map((call) => call.id)).toEqual(calls.map((call) => call.id));
    expect(results.map((result) => result.id)).toEqual(calls.map((call) => call.id));
  }
}

/** The mock's tools answer first, then the scripted text answer to the tool results. */
function scriptToolLoop(upstream: ResponsesUpstream): { calls: FixtureToolCall[]; finalText: string } {
  const calls = fixtureToolCalls(upstream);
  const finalText = finalTextFor(calls);
  world.mocks[upstream].enqueue({}, { body: textAnswerBody(upstream, finalText) });
  return { calls, finalText };
}

describe.each(RESPONSES_UPSTREAMS)('AI SDK default provider createOpenAI()(model) -> %s', (upstream) => {
  const model = RESPONSES_MODELS[upstream];
  const provider = (reqId: string) => createOpenAI({ apiKey: RESPONSES_CLIENT_KEY, baseURL: world.baseUrl, headers: { 'x-request-id': reqId } });
  const weatherTools = (ran: unknown[]) => ({
    [WEATHER_TOOL_NAME]: aiTool({
      description: 'Current weather for a city',
      inputSchema: weatherInput,
      execute: (input) => {
        ran.push(input);
        return Promise.resolve(weatherReport(input));
      },
    }),
  });

  it('generateText: the text, over POST /v1/responses', async () => {
    const reqId = newReqId('rr-ai-text');
    const result = await generateText({ model: provider(reqId)(model), maxOutputTokens: MAX_OUTPUT_TOKENS, prompt: PROMPT, maxRetries: 0 });

    expect(result.text).toBe(expectedText(upstream));
    expect(result.finishReason).toBe('stop');
    const body = expectOneUpstreamRequest(upstream, false);
    if (upstream === 'openai-responses') expect(body['input']).toEqual([{ role: 'user', content: [{ type: 'input_text', text: PROMPT }] }]);
    await expectResponsesRequests(reqId, 1);
  });

  it('streamText: the deltas in order, stop, usage', async () => {
    const reqId = newReqId('rr-ai-stream');
    let failure: unknown;
    const result = streamText({ model: provider(reqId)(model), maxOutputTokens: MAX_OUTPUT_TOKENS, prompt: PROMPT, maxRetries: 0, onError: ({ error }) => void (failure = error) });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    if (failure !== undefined) throw failure;

    expect(deltas.join('')).toBe(expectedStreamDeltas(upstream).join(''));
    expect(deltas.length).toBeGreaterThan(1);
    expect(await result.finishReason).toBe('stop');
    const usage = await result.totalUsage;
    const expected = expectedStreamUsage(upstream);
    expect({ input: usage.inputTokens, output: usage.outputTokens }).toEqual(expected);
    expectOneUpstreamRequest(upstream, true);
    await expectResponsesRequests(reqId, 1);
  });

  it('tools: a multi-step loop (stopWhen stepCountIs(3)) runs the calls and carries their results back', async () => {
    const reqId = newReqId('rr-ai-tools');
    const { calls, finalText } = scriptToolLoop(upstream);
    const ran: unknown[] = [];
    const result = await generateText({
      model: provider(reqId)(model),
      maxOutputTokens: MAX_OUTPUT_TOKENS,
      prompt: TOOL_PROMPT,
      maxRetries: 0,
      stopWhen: stepCountIs(3),
      tools: weatherTools(ran),
    });

    expect(ran).toEqual(calls.map((call) => call.input));
    expect(result.text).toBe(finalText);
    expect(result.steps).toHaveLength(2);
    const sent = bodies(upstream);
    expect(sent).toHaveLength(2);
    expectToolResultsSent(upstream, sent[1]!, calls);
    await expectResponsesRequests(reqId, 2);
  });

  it('tools streamed: streamText with the same loop', async () => {
    const reqId = newReqId('rr-ai-tools-stream');
    const calls = fixtureStreamToolCalls(upstream);
    const { script, finalText } = textStreamAnswer(upstream, finalTextFor(calls));
    world.mocks[upstream].enqueue({}, script);
    const ran: unknown[] = [];
    let failure: unknown;
    const result = streamText({
      model: provider(reqId)(model),
      maxOutputTokens: MAX_OUTPUT_TOKENS,
      prompt: TOOL_PROMPT,
      maxRetries: 0,
      stopWhen: stepCountIs(3),
      tools: weatherTools(ran),
      onError: ({ error }) => void (failure = error),
    });
    await result.consumeStream();
    if (failure !== undefined) throw failure;

    expect(ran).toEqual(calls.map((call) => call.input));
    expect(await result.text).toBe(finalText);
    const sent = bodies(upstream);
    expect(sent.map((body) => body['stream'])).toEqual([true, true]);
    expectToolResultsSent(upstream, sent[1]!, calls);
    await expectResponsesRequests(reqId, 2);
  });

  if (upstream === 'anthropic') {
    // Anthropic's tools answer has text before the calls (the other fixtures have none), so step 1 gives the
    // AI SDK an item id, and with `store` left on (its default) step 2 sends that text as an item_reference.
    it("tools with store left on (the AI SDK's default): step 2's item_reference to step 1's text is dropped with a warning, the loop completes", async () => {
      const reqId = newReqId('rr-ai-ref');
      const { calls, finalText } = scriptToolLoop(upstream);
      const result = await generateText({ model: provider(reqId)(model), maxOutputTokens: MAX_OUTPUT_TOKENS, prompt: TOOL_PROMPT, maxRetries: 0, stopWhen: stepCountIs(3), tools: weatherTools([]) });

      expect(result.text).toBe(finalText);
      // What the AI SDK sent for step 2 (its request body, as an object or as JSON text): the reference.
      expect(JSON.stringify(result.steps[1]?.request.body)).toContain('item_reference');
      const sent = bodies(upstream);
      expect(sent).toHaveLength(2);
      expectToolResultsSent(upstream, sent[1]!, calls);
      await expectResponsesRequests(reqId, 2);
      const warned = world.router.logs().find((line) => line['reqId'] !== undefined && String(line['warnings'] ?? '').includes('item_reference'));
      expect(warned).toBeDefined();
    });
  }

  it('structured output: Output.object asks for a strict json_schema; the object comes back parsed', async () => {
    const reqId = newReqId('rr-ai-object');
    world.mocks[upstream].enqueue({ body: textAnswerBody(upstream, JSON.stringify(WEATHER_OBJECT)) });
    const result = await generateText({
      model: provider(reqId)(model),
      maxOutputTokens: MAX_OUTPUT_TOKENS,
      prompt: STRUCTURED_PROMPT,
      maxRetries: 0,
      output: Output.object({ schema: weatherSchema }),
    });

    expect(result.output).toEqual(WEATHER_OBJECT);
    const body = expectOneUpstreamRequest(upstream, false);
    expect(sentStructuredAsk(upstream, body)).toMatchObject({ ask: { kind: 'json_schema' }, properties: Object.keys(WEATHER_OBJECT).sort() });
    if (upstream === 'openai-responses') expect(sentStructuredAsk(upstream, body).strict).toBe(true);
    await expectResponsesRequests(reqId, 1);
  });

  it('reasoning: providerOptions.openai reasoningEffort + reasoningSummary reach the upstream as its thinking switch', async () => {
    const reqId = newReqId('rr-ai-reasoning');
    // `forceReasoning`: the AI SDK decides by the model id whether it may send `reasoning` (gpt-5*, o*); a
    // router alias is neither, so without it the options are dropped with a warning.
    const openaiOptions: OpenAIResponsesProviderOptions = { reasoningEffort: 'low', reasoningSummary: 'auto', forceReasoning: true };
    const result = await generateText({
      model: provider(reqId)(model),
      maxOutputTokens: MAX_OUTPUT_TOKENS * 4,
      prompt: 'Is 1001 prime?',
      maxRetries: 0,
      providerOptions: { openai: openaiOptions },
    });

    const body = expectOneUpstreamRequest(upstream, false);
    const reasoning = expectedReasoning(upstream);
    if (reasoning !== undefined) expect(result.reasoningText).toBe(reasoning);
    expect(result.text.length).toBeGreaterThan(0);
    switch (upstream) {
      case 'openai-responses':
        expect(body['reasoning']).toEqual({ effort: 'low', summary: 'auto' });
        break;
      case 'openai-chat':
        expect(body['reasoning_effort']).toBe('low');
        break;
      case 'anthropic':
        expect(body['thinking']).toMatchObject({ type: expect.stringMatching(/^(enabled|adaptive)$/) });
        break;
      case 'ollama':
        expect(body['think']).toBeTruthy();
        break;
    }
    await expectResponsesRequests(reqId, 1);
  });
});

/** Every chunk of a LangChain stream concatenated into one message. */
async function collect(chunks: AsyncIterable<AIMessageChunk>): Promise<{ deltas: string[]; whole: AIMessageChunk }> {
  const deltas: string[] = [];
  let whole: AIMessageChunk | undefined;
  for await (const chunk of chunks) {
    if (chunk.text !== '') deltas.push(chunk.text);
    whole = whole === undefined ? chunk : whole.concat(chunk);
  }
  if (whole === undefined) throw new Error('the stream had no chunk');
  return { deltas, whole };
}

describe.each(RESPONSES_UPSTREAMS)('LangChain ChatOpenAI useResponsesApi -> %s', (upstream) => {
  const chat = (reqId: string, options: { model?: string; useResponsesApi?: boolean } = {}) =>
    new ChatOpenAI({
      model: options.model ?? RESPONSES_MODELS[upstream],
      apiKey: RESPONSES_CLIENT_KEY,
      configuration: { baseURL: world.baseUrl, defaultHeaders: { 'x-request-id': reqId } },
      maxRetries: 0,
      ...(options.useResponsesApi === false ? {} : { useResponsesApi: true }),
    });

  it('invoke: the text', async () => {
    const reqId = newReqId('rr-lc-invoke');
    const message = await chat(reqId).invoke([new HumanMessage(PROMPT)]);

    expect(message.text).toBe(expectedText(upstream));
    expectOneUpstreamRequest(upstream, false);
    await expectResponsesRequests(reqId, 1);
  });

  it('a *codex* model name goes to the Responses API without useResponsesApi', async () => {
    const reqId = newReqId('rr-lc-codex');
    const message = await chat(reqId, { model: CODEX_MODELS[upstream], useResponsesApi: false }).invoke([new HumanMessage(PROMPT)]);

    expect(message.text).toBe(expectedText(upstream));
    expectOneUpstreamRequest(upstream, false);
    await expectResponsesRequests(reqId, 1);
  });

  it('stream: the deltas in order and the usage', async () => {
    const reqId = newReqId('rr-lc-stream');
    const { deltas, whole } = await collect(await chat(reqId).stream([new HumanMessage(PROMPT)]));

    expect(deltas.join('')).toBe(expectedStreamDeltas(upstream).join(''));
    expect(deltas.length).toBeGreaterThan(1);
    const expected = expectedStreamUsage(upstream);
    expect({ input: whole.usage_metadata?.input_tokens, output: whole.usage_metadata?.output_tokens }).toEqual(expected);
    expectOneUpstreamRequest(upstream, true);
    await expectResponsesRequests(reqId, 1);
  });

  it('bindTools: a tool-call round trip with ToolMessages', async () => {
    const reqId = newReqId('rr-lc-tools');
    const { calls, finalText } = scriptToolLoop(upstream);
    const ran: unknown[] = [];
    const weather = langchainTool(
      (input: z.infer<typeof weatherInput>) => {
        ran.push(input);
        return weatherReport(input);
      },
      { name: WEATHER_TOOL_NAME, description: 'Current weather for a city', schema: weatherInput },
    );
    const withTools = chat(reqId).bindTools([weather]);
    const messages: BaseMessage[] = [new HumanMessage(TOOL_PROMPT)];
    let answer: AIMessage | AIMessageChunk | undefined;
    for (let round = 0; round < 3; round++) {
      answer = await withTools.invoke(messages);
      messages.push(answer);
      const toolCalls = answer.tool_calls ?? [];
      if (toolCalls.length === 0) break;
      for (const call of toolCalls) messages.push(await weather.invoke({ ...call, type: 'tool_call' }));
    }

    expect(ran).toEqual(calls.map((call) => call.input));
    expect(answer?.text).toBe(finalText);
    const sent = bodies(upstream);
    expect(sent).toHaveLength(2);
    expectToolResultsSent(upstream, sent[1]!, calls);
    await expectResponsesRequests(reqId, 2);
  });

  it('withStructuredOutput: a json_schema ask, the object parsed', async () => {
    const reqId = newReqId('rr-lc-object');
    world.mocks[upstream].enqueue({ body: textAnswerBody(upstream, JSON.stringify(WEATHER_OBJECT)) });
    const object = await chat(reqId).withStructuredOutput(weatherSchema).invoke([new HumanMessage(STRUCTURED_PROMPT)]);

    expect(object).toEqual(WEATHER_OBJECT);
    const body = expectOneUpstreamRequest(upstream, false);
    expect(sentStructuredAsk(upstream, body)).toMatchObject({ ask: { kind: 'json_schema' }, properties: Object.keys(WEATHER_OBJECT).sort() });
    await expectResponsesRequests(reqId, 1);
  });
});
