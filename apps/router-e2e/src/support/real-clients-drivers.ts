/**
 * The four client libraries people put in front of an LLM API, each driven the way its docs show, behind
 * one small interface so a spec can run the same four cases through every client and provider:
 * AI SDK (`ai`) with `@ai-sdk/openai` (chat completions) and `@ai-sdk/anthropic`, LangChain `ChatOpenAI`
 * (chat completions, not the Responses API) and `ChatAnthropic`. Each talks to the router only.
 */
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { ChatAnthropic } from '@langchain/anthropic';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, type AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { tool as langchainTool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { generateText, Output, stepCountIs, streamText, tool as aiTool, type LanguageModel } from 'ai';
import { z } from 'zod';
import { CLIENT_KEYS, type RealClientsWorld } from './real-clients-world.js';

export const PROMPT = 'Tell me an octopus fact.';
export const TOOL_PROMPT = 'What is the weather in Paris and Tokyo?';
export const STRUCTURED_PROMPT = 'Describe the weather in Paris as JSON.';

/** Set explicitly, as the AI SDK asks for model ids it does not know (else it caps at 4096 and warns). */
const MAX_OUTPUT_TOKENS = 1024;

/** The one tool of the loop, as every fixture calls it. Deterministic, so its output can be asserted upstream. */
export const WEATHER_TOOL_NAME = 'get_weather';
export const weatherInput = z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']).optional() });
const TEMPERATURES: Readonly<Record<string, number>> = { Paris: 18, Tokyo: 24 };
export function weatherReport(input: z.infer<typeof weatherInput>): string {
  return `${input.city}: ${TEMPERATURES[input.city] ?? 0} degrees ${input.unit ?? 'celsius'}`;
}

/** The structured-output schema and the object the scripted answer carries. */
export const weatherSchema = z.object({ city: z.string(), temperatureC: z.number(), conditions: z.array(z.string()) });
export type Weather = z.infer<typeof weatherSchema>;
export const WEATHER_OBJECT: Weather = { city: 'Paris', temperatureC: 18, conditions: ['cloudy', 'light wind'] };

/**
 * How a client asks for structured output (checked against what it really sends): a JSON schema
 * response format answered as JSON text, or a forced call of a tool with this name answered by a tool call.
 */
export type StructuredAsk = { kind: 'json_schema' } | { kind: 'tool'; name: string };

export interface StreamOutcome {
  deltas: string[];
  /** The finish reason in the client's own vocabulary. */
  finish: unknown;
  usage: { input: number | undefined; output: number | undefined };
}

export interface ToolLoopOutcome {
  finalText: string;
  /** The tool's inputs, in the order the client ran it. */
  ran: Array<z.infer<typeof weatherInput>>;
}

export interface RealClient {
  /** The name tests start with. */
  name: string;
  /** Which router API the client speaks. */
  api: 'openai' | 'anthropic';
  /** What the client reports when the model ended its turn naturally. */
  naturalFinish: unknown;
  structuredAsk: StructuredAsk;
  /**
   * How the client totals a stream's usage: as the API reported it, or (LangChain ChatAnthropic)
   * input_tokens from `message_start` only and output_tokens of `message_start` added to
   * `message_delta`'s cumulative count.
   */
  streamUsageAccounting: 'as-reported' | 'message-start-input-summed-output';
  text(model: string): Promise<string>;
  stream(model: string): Promise<StreamOutcome>;
  toolLoop(model: string): Promise<ToolLoopOutcome>;
  /** The same loop with every step streamed. */
  streamedToolLoop(model: string): Promise<ToolLoopOutcome>;
  structured(model: string): Promise<unknown>;
}

/** The weather tool as AI SDK `tools`, recording each input it runs with in `ran`. */
function aiSdkTools(ran: ToolLoopOutcome['ran']) {
  return {
    [WEATHER_TOOL_NAME]: aiTool({
      description: 'Current weather for a city',
      inputSchema: weatherInput,
      execute: (input) => {
        ran.push(input);
        return Promise.resolve(weatherReport(input));
      },
    }),
  };
}

function aiSdkClient(name: string, api: 'openai' | 'anthropic', languageModel: (model: string) => LanguageModel, structuredAsk: StructuredAsk): RealClient {
  return {
    name,
    api,
    naturalFinish: 'stop',
    structuredAsk,
    streamUsageAccounting: 'as-reported',
    async text(model) {
      const result = await generateText({ model: languageModel(model), maxOutputTokens: MAX_OUTPUT_TOKENS, prompt: PROMPT, maxRetries: 0 });
      return result.text;
    },
    async stream(model) {
      let failure: unknown;
      const result = streamText({ model: languageModel(model), maxOutputTokens: MAX_OUTPUT_TOKENS, prompt: PROMPT, maxRetries: 0, onError: ({ error }) => void (failure = error) });
      const deltas: string[] = [];
      for await (const delta of result.textStream) deltas.push(delta);
      if (failure !== undefined) throw failure;
      const usage = await result.totalUsage;
      return { deltas, finish: await result.finishReason, usage: { input: usage.inputTokens, output: usage.outputTokens } };
    },
    async toolLoop(model) {
      const ran: ToolLoopOutcome['ran'] = [];
      const result = await generateText({ model: languageModel(model), maxOutputTokens: MAX_OUTPUT_TOKENS, prompt: TOOL_PROMPT, maxRetries: 0, stopWhen: stepCountIs(3), tools: aiSdkTools(ran) });
      return { finalText: result.text, ran };
    },
    async streamedToolLoop(model) {
      const ran: ToolLoopOutcome['ran'] = [];
      let failure: unknown;
      const result = streamText({
        model: languageModel(model),
        maxOutputTokens: MAX_OUTPUT_TOKENS,
        prompt: TOOL_PROMPT,
        maxRetries: 0,
        stopWhen: stepCountIs(3),
        tools: aiSdkTools(ran),
        onError: ({ error }) => void (failure = error),
      });
      await result.consumeStream();
      if (failure !== undefined) throw failure;
      return { finalText: await result.text, ran };
    },
    async structured(model) {
      const result = await generateText({ model: languageModel(model), maxOutputTokens: MAX_OUTPUT_TOKENS, prompt: STRUCTURED_PROMPT, maxRetries: 0, output: Output.object({ schema: weatherSchema }) });
      return result.output;
    },
  };
}

interface LangchainFlavour {
  name: string;
  api: 'openai' | 'anthropic';
  chatModel: (model: string) => BaseChatModel;
  naturalFinish: unknown;
  finishOf: (message: AIMessageChunk) => unknown;
  structuredAsk: StructuredAsk;
  streamUsageAccounting: RealClient['streamUsageAccounting'];
}

/** Every chunk of a LangChain stream concatenated into one message (tool calls assembled from their chunks). */
async function collect(name: string, chunks: AsyncIterable<AIMessageChunk>): Promise<{ deltas: string[]; whole: AIMessageChunk }> {
  const deltas: string[] = [];
  let whole: AIMessageChunk | undefined;
  for await (const chunk of chunks) {
    if (chunk.text !== '') deltas.push(chunk.text);
    whole = whole === undefined ? chunk : whole.concat(chunk);
  }
  if (whole === undefined) throw new Error(`${name}: the stream had no chunk`);
  return { deltas, whole };
}

function langchainClient({ name, api, chatModel, naturalFinish, finishOf, structuredAsk, streamUsageAccounting }: LangchainFlavour): RealClient {
  /**
   * The loop LangChain's tool-calling docs show: run every call, answer each with a ToolMessage, ask
   * again, until the model answers without calls. `step` sends the history and returns the answer.
   */
  const loop = async (model: string, step: (withTools: ReturnType<NonNullable<BaseChatModel['bindTools']>>, messages: BaseMessage[]) => Promise<AIMessage | AIMessageChunk>) => {
    const ran: ToolLoopOutcome['ran'] = [];
    const weather = langchainTool(
      (input: z.infer<typeof weatherInput>) => {
        ran.push(input);
        return weatherReport(input);
      },
      { name: WEATHER_TOOL_NAME, description: 'Current weather for a city', schema: weatherInput },
    );
    const base = chatModel(model);
    if (base.bindTools === undefined) throw new Error(`${name} cannot bind tools`);
    const withTools = base.bindTools([weather]);
    const messages: BaseMessage[] = [new HumanMessage(TOOL_PROMPT)];
    for (let round = 0; round < 3; round++) {
      const answer = await step(withTools, messages);
      messages.push(answer);
      const calls = answer.tool_calls ?? [];
      if (calls.length === 0) return { finalText: answer.text, ran };
      for (const call of calls) messages.push(await weather.invoke({ ...call, type: 'tool_call' }));
    }
    throw new Error(`${name}: still calling tools after 3 rounds`);
  };
  return {
    name,
    api,
    naturalFinish,
    structuredAsk,
    streamUsageAccounting,
    async text(model) {
      const message = await chatModel(model).invoke([new HumanMessage(PROMPT)]);
      return message.text;
    },
    async stream(model) {
      const { deltas, whole } = await collect(name, await chatModel(model).stream([new HumanMessage(PROMPT)]));
      return { deltas, finish: finishOf(whole), usage: { input: whole.usage_metadata?.input_tokens, output: whole.usage_metadata?.output_tokens } };
    },
    toolLoop: (model) => loop(model, (withTools, messages) => withTools.invoke(messages)),
    streamedToolLoop: (model) => loop(model, async (withTools, messages) => (await collect(name, await withTools.stream(messages))).whole),
    async structured(model) {
      return chatModel(model).withStructuredOutput(weatherSchema).invoke([new HumanMessage(STRUCTURED_PROMPT)]);
    },
  };
}

/**
 * The four clients, each configured against the router of `world()` when a case runs (so the list exists
 * when the spec declares its tests, before the router has started).
 */
export function realClients(world: () => RealClientsWorld): RealClient[] {
  const aiOpenAI = () => createOpenAI({ apiKey: CLIENT_KEYS.openai, baseURL: world().openaiBaseUrl });
  const aiAnthropic = () => createAnthropic({ apiKey: CLIENT_KEYS.anthropic, baseURL: world().anthropicBaseUrl.aiSdk });
  return [
    // `.chat()`: the chat completions API (the bare `openai(model)` speaks the Responses API).
    // Structured output: `response_format: json_schema` (structured outputs are on by default).
    aiSdkClient('AI SDK openai.chat', 'openai', (model) => aiOpenAI().chat(model), { kind: 'json_schema' }),
    // For a model id it does not know, @ai-sdk/anthropic asks for structured output with a forced tool named `json`.
    aiSdkClient('AI SDK anthropic', 'anthropic', (model) => aiAnthropic()(model), { kind: 'tool', name: 'json' }),
    langchainClient({
      name: 'LangChain ChatOpenAI',
      api: 'openai',
      chatModel: (model) => new ChatOpenAI({ model, apiKey: CLIENT_KEYS.openai, configuration: { baseURL: world().openaiBaseUrl }, maxRetries: 0, useResponsesApi: false }),
      naturalFinish: 'stop',
      finishOf: (message) => message.response_metadata['finish_reason'],
      // withStructuredOutput's default for models not named gpt-3*/gpt-4-*: `response_format: json_schema`.
      structuredAsk: { kind: 'json_schema' },
      streamUsageAccounting: 'as-reported',
    }),
    langchainClient({
      name: 'LangChain ChatAnthropic',
      api: 'anthropic',
      chatModel: (model) => new ChatAnthropic({ model, apiKey: CLIENT_KEYS.anthropic, anthropicApiUrl: world().anthropicBaseUrl.langchain, maxRetries: 0 }),
      naturalFinish: 'end_turn',
      // Streamed, ChatAnthropic leaves `stop_reason` (from message_delta) in additional_kwargs, not response_metadata.
      finishOf: (message) => message.response_metadata['stop_reason'] ?? message.additional_kwargs['stop_reason'],
      // withStructuredOutput's default ("functionCalling"): a tool named `extract` with a forced tool_choice.
      structuredAsk: { kind: 'tool', name: 'extract' },
      streamUsageAccounting: 'message-start-input-summed-output',
    }),
  ];
}
