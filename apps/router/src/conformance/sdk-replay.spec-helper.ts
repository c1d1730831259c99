import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

// The official SDKs' stream accumulators, fed a client stream as if the router had sent it: what a real
// client would end up with. No server: the SDK's `fetch` answers with the SSE text.

function sseResponse(sse: string): Response {
  return new Response(sse, { headers: { 'content-type': 'text/event-stream' } });
}

function openAIClient(sse: string): OpenAI {
  return new OpenAI({ apiKey: 'x', baseURL: 'http://router.test/v1', maxRetries: 0, fetch: async () => sseResponse(sse) });
}

/** `chat.completions.stream(…).finalChatCompletion()`: throws what the SDK throws (an in-band error, a missing role…). */
export function replayOpenAIChat(sse: string): Promise<OpenAI.Chat.ChatCompletion> {
  return openAIClient(sse)
    .chat.completions.stream({ model: 'client-model', messages: [{ role: 'user', content: 'hi' }], stream: true })
    .finalChatCompletion();
}

/**
 * Legacy completions have no accumulator in the SDK: the chunks the SDK yields, folded into one
 * `text_completion` (texts joined, the last finish_reason, the usage chunk's usage when there is one).
 */
export async function replayOpenAICompletions(sse: string): Promise<OpenAI.Completions.Completion> {
  const stream = await openAIClient(sse).completions.create({ model: 'client-model', prompt: 'hi', stream: true });
  let completion: OpenAI.Completions.Completion | undefined;
  let text = '';
  let finishReason: OpenAI.Completions.CompletionChoice['finish_reason'] | undefined;
  for await (const chunk of stream) {
    completion ??= chunk;
    const choice = chunk.choices[0];
    if (choice !== undefined) {
      text += choice.text;
      if (choice.finish_reason !== null) finishReason = choice.finish_reason;
    }
    if (chunk.usage !== undefined && chunk.usage !== null) completion = { ...completion, usage: chunk.usage };
  }
  if (completion === undefined || finishReason === undefined) throw new Error('completion stream without chunks or finish_reason');
  return { ...completion, choices: [{ text, index: 0, logprobs: null, finish_reason: finishReason }] };
}

/** `responses.stream(…).finalResponse()`: throws on an `error` event (and on events out of order: a delta before its item). */
export function replayOpenAIResponses(sse: string): Promise<OpenAI.Responses.Response> {
  return openAIClient(sse).responses.stream({ model: 'client-model', input: 'hi' }).finalResponse();
}

/** `messages.stream(…).finalMessage()`: throws on an `event: error` (and on streams the SDK cannot assemble). */
export function replayAnthropic(sse: string): Promise<Anthropic.Message> {
  const client = new Anthropic({ apiKey: 'x', baseURL: 'http://router.test', maxRetries: 0, fetch: async () => sseResponse(sse) });
  return client.messages.stream({ model: 'client-model', max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }] }).finalMessage();
}
