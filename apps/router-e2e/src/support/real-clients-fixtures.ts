/**
 * What the strict mocks answer, per provider, derived from the fixtures they answer with (never copied
 * by hand), and the scripted answers the real-client specs enqueue, built on the same fixtures so every
 * field but the one that matters stays what the real API sends.
 */
import { readFixture, readFixtureJson, readSseFixtureFrames, type ScriptedResponse } from '@llm-router/testing';

export type RealProvider = 'openai' | 'anthropic' | 'ollama';

type Json = Record<string, unknown>;

/** Token counts as the provider reported them (OpenAI prompt/completion, Anthropic input/output, Ollama eval counts). */
export interface FixtureUsage {
  input: number;
  output: number;
}

/** The text of the default non-streamed answer (`*.response.json` of the family). */
export function expectedText(provider: RealProvider): string {
  switch (provider) {
    case 'openai':
      return String(readFixtureJson<{ choices: Array<{ message: { content: string } }> }>('openai-chat/basic.response.json').choices[0]?.message.content);
    case 'anthropic':
      return readFixtureJson<{ content: Array<{ type: string; text?: string }> }>('anthropic/basic.response.json')
        .content.filter((block) => block.type === 'text')
        .map((block) => block.text ?? '')
        .join('');
    case 'ollama':
      return readFixtureJson<{ message: { content: string } }>('ollama/chat.response.json').message.content;
  }
}

/** The text deltas of the default streamed answer, in order (empty deltas left out). */
export function expectedStreamDeltas(provider: RealProvider): string[] {
  switch (provider) {
    case 'openai':
      return sseJson('openai-chat/basic.stream.sse')
        .map((chunk) => (chunk['choices'] as Array<{ delta?: { content?: string } }>)[0]?.delta?.content ?? '')
        .filter((text) => text !== '');
    case 'anthropic':
      return sseJson('anthropic/basic.stream.sse')
        .filter((event) => event['type'] === 'content_block_delta')
        .map((event) => String((event['delta'] as Json)['text'] ?? ''))
        .filter((text) => text !== '');
    case 'ollama':
      return ndjson('ollama/chat.stream.ndjson')
        .map((line) => String((line['message'] as Json | undefined)?.['content'] ?? ''))
        .filter((text) => text !== '');
  }
}

/** The usage the default streamed answer reports (the OpenAI one only when `include_usage` was asked). */
export function expectedStreamUsage(provider: RealProvider): FixtureUsage {
  switch (provider) {
    case 'openai': {
      const usage = sseJson('openai-chat/basic.stream.sse').find((chunk) => chunk['usage'] !== null && chunk['usage'] !== undefined)?.['usage'] as Json;
      return { input: Number(usage['prompt_tokens']), output: Number(usage['completion_tokens']) };
    }
    case 'anthropic': {
      const events = sseJson('anthropic/basic.stream.sse');
      const start = events.find((event) => event['type'] === 'message_start')?.['message'] as { usage: Json };
      const delta = events.find((event) => event['type'] === 'message_delta') as { usage: Json };
      return { input: Number(start.usage['input_tokens']), output: Number(delta.usage['output_tokens']) };
    }
    case 'ollama': {
      const done = ndjson('ollama/chat.stream.ndjson').find((line) => line['done'] === true) as Json;
      return { input: Number(done['prompt_eval_count']), output: Number(done['eval_count']) };
    }
  }
}

/** `output_tokens` of the default stream's `message_start` (Anthropic reports a small count there, then the cumulative one in `message_delta`). */
export function anthropicStreamStartOutputTokens(): number {
  const start = sseJson('anthropic/basic.stream.sse').find((event) => event['type'] === 'message_start')?.['message'] as { usage: Json };
  return Number(start.usage['output_tokens']);
}

/** One tool call of the family's tools fixture (the mock's default answer whenever tools are offered). */
export interface FixtureToolCall {
  /** The call id the client must send back with the result (Ollama's is informative: results pair by order and name). */
  id: string;
  name: string;
  input: Json;
}

/** The calls of the family's non-streamed tools answer (Ollama: its stream fixture accumulated, as the mock does). */
export function fixtureToolCalls(provider: RealProvider): FixtureToolCall[] {
  switch (provider) {
    case 'openai':
      return readFixtureJson<{ choices: Array<{ message: { tool_calls: Array<{ id: string; function: { name: string; arguments: string } }> } }> }>(
        'openai-chat/tools.response.json',
      ).choices[0]!.message.tool_calls.map((call) => ({ id: call.id, name: call.function.name, input: JSON.parse(call.function.arguments) as Json }));
    case 'anthropic':
      return readFixtureJson<{ content: Array<{ type: string; id?: string; name?: string; input?: Json }> }>('anthropic/tools.response.json')
        .content.filter((block) => block.type === 'tool_use')
        .map((block) => ({ id: String(block.id), name: String(block.name), input: block.input ?? {} }));
    case 'ollama':
      return ndjson('ollama/chat.tools.stream.ndjson').flatMap((line) =>
        (((line['message'] as Json)['tool_calls'] as Array<{ id: string; function: { name: string; arguments: Json } }> | undefined) ?? []).map((call) => ({
          id: call.id,
          name: call.function.name,
          input: call.function.arguments,
        })),
      );
  }
}

/** The calls of the family's streamed tools answer, assembled from its deltas (OpenAI argument fragments, Anthropic `input_json_delta`s). */
export function fixtureStreamToolCalls(provider: RealProvider): FixtureToolCall[] {
  switch (provider) {
    case 'openai': {
      const calls: Array<{ id: string; name: string; args: string }> = [];
      for (const chunk of sseJson('openai-chat/tools.stream.sse')) {
        const delta = (chunk['choices'] as Array<{ delta?: { tool_calls?: Array<{ index: number; id?: string; function?: { name?: string; arguments?: string } }> } }>)[0]?.delta;
        for (const part of delta?.tool_calls ?? []) {
          const call = (calls[part.index] ??= { id: '', name: '', args: '' });
          call.id += part.id ?? '';
          call.name += part.function?.name ?? '';
          call.args += part.function?.arguments ?? '';
        }
      }
      return calls.map((call) => ({ id: call.id, name: call.name, input: JSON.parse(call.args) as Json }));
    }
    case 'anthropic': {
      const blocks = new Map<number, { id: string; name: string; json: string }>();
      for (const event of sseJson('anthropic/tools.stream.sse')) {
        const index = Number(event['index']);
        const block = event['content_block'] as Json | undefined;
        if (event['type'] === 'content_block_start' && block?.['type'] === 'tool_use') blocks.set(index, { id: String(block['id']), name: String(block['name']), json: '' });
        const delta = event['delta'] as Json | undefined;
        const open = blocks.get(index);
        if (event['type'] === 'content_block_delta' && delta?.['type'] === 'input_json_delta' && open !== undefined) open.json += String(delta['partial_json']);
      }
      return [...blocks.values()].map((block) => ({ id: block.id, name: block.name, input: JSON.parse(block.json) as Json }));
    }
    case 'ollama':
      return fixtureToolCalls('ollama');
  }
}

/** A non-streamed text answer in the family's wire format: its basic fixture with `text` as the content. */
export function textAnswerBody(provider: RealProvider, text: string): Json {
  switch (provider) {
    case 'openai': {
      const body = readFixtureJson<Json & { choices: Array<{ message: Json }> }>('openai-chat/basic.response.json');
      body.choices[0]!.message['content'] = text;
      return body;
    }
    case 'anthropic':
      return { ...readFixtureJson<Json>('anthropic/basic.response.json'), content: [{ type: 'text', text }] };
    case 'ollama':
      return { ...readFixtureJson<Json>('ollama/chat.response.json'), message: { role: 'assistant', content: text } };
  }
}

/**
 * A non-streamed answer that calls one tool (forced tool use, as structured output through a tool gets
 * it), in the family's wire format, on its tools fixture: OpenAI `tool_calls` with JSON-string arguments,
 * Anthropic a `tool_use` block, Ollama `message.tool_calls` with object arguments.
 */
export function toolCallAnswerBody(provider: RealProvider, name: string, input: Json): Json {
  switch (provider) {
    case 'openai': {
      const body = readFixtureJson<Json & { choices: Array<{ message: Json }> }>('openai-chat/tools.response.json');
      body.choices[0]!.message['tool_calls'] = [{ id: 'call_rcStructured01', type: 'function', function: { name, arguments: JSON.stringify(input) } }];
      return body;
    }
    case 'anthropic':
      return { ...readFixtureJson<Json>('anthropic/tools.response.json'), content: [{ type: 'tool_use', id: 'toolu_01RcStructured000000001', name, input }] };
    case 'ollama': {
      const done = ndjson('ollama/chat.tools.stream.ndjson').find((line) => line['done'] === true) as Json;
      return { ...done, message: { role: 'assistant', content: '', tool_calls: [{ function: { index: 0, name, arguments: input } }] } };
    }
  }
}

/**
 * A streamed text answer in the family's wire format, cut from its basic stream fixture: the opening
 * frames, one delta carrying `text`, the closing frames. No usage-only chunk for OpenAI (so it is valid
 * whether or not the request asked for `include_usage`); Ollama as NDJSON lines with its content type.
 */
export function textStreamAnswer(provider: RealProvider, text: string): ScriptedResponse {
  switch (provider) {
    case 'openai': {
      const chunks = sseJson('openai-chat/basic.stream.sse').map(({ usage: _usage, ...chunk }) => chunk);
      const choice = (chunk: Json) => (chunk['choices'] as Json[])[0];
      const opening = chunks[0]!;
      const content = chunks.find((chunk) => typeof (choice(chunk)?.['delta'] as Json | undefined)?.['content'] === 'string' && chunk !== opening)!;
      const finish = chunks.find((chunk) => choice(chunk)?.['finish_reason'] !== null && choice(chunk) !== undefined)!;
      const delta = { ...content, choices: [{ ...choice(content), delta: { content: text } }] };
      return { frames: [opening, delta, finish].map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).concat('data: [DONE]\n\n') };
    }
    case 'anthropic': {
      const frames = readSseFixtureFrames('anthropic/basic.stream.sse');
      const firstDelta = frames.findIndex((frame) => frame.includes('"content_block_delta"'));
      const afterDeltas = frames.findIndex((frame) => frame.includes('"content_block_stop"'));
      const delta = { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } };
      return { frames: [...frames.slice(0, firstDelta), `event: content_block_delta\ndata: ${JSON.stringify(delta)}\n\n`, ...frames.slice(afterDeltas)] };
    }
    case 'ollama': {
      const lines = ndjson('ollama/chat.stream.ndjson');
      const first = lines[0]!;
      const last = lines.at(-1)!;
      return {
        headers: { 'content-type': 'application/x-ndjson' },
        frames: [{ ...first, message: { role: 'assistant', content: text } }, last].map((line) => `${JSON.stringify(line)}\n`),
      };
    }
  }
}

function sseJson(fixture: string): Json[] {
  return readSseFixtureFrames(fixture).flatMap((frame) => {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice('data:'.length).trim())
      .join('\n');
    return data.startsWith('{') ? [JSON.parse(data) as Json] : [];
  });
}

function ndjson(fixture: string): Json[] {
  return readFixture(fixture)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Json);
}
