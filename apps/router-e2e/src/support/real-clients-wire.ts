/**
 * Reading the requests a mock received in that provider's own wire format: the tool results of a
 * follow-up turn, and how structured output was asked for. Each returns plain data for `expect(...)`.
 */
import type { RealProvider } from './real-clients-fixtures.js';
import type { StructuredAsk } from './real-clients-drivers.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** A content field as text: a string, or the text parts/blocks of an array joined. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  return records(content)
    .filter((part) => part['type'] === 'text')
    .map((part) => String(part['text'] ?? ''))
    .join('');
}

/** A tool call an assistant turn of the request carried, and a tool result that answered one. */
export interface WireToolCall {
  id: string | undefined;
  name: string;
  input: unknown;
}
export interface WireToolResult {
  /** The id the result names (OpenAI `tool_call_id`, Anthropic `tool_use_id`, Ollama `tool_call_id` if any). */
  id: string | undefined;
  /** Ollama's `tool_name`; undefined elsewhere. */
  name: string | undefined;
  text: string;
}

/** The tool calls of the request's assistant turns, in the provider's format. */
export function wireToolCalls(provider: RealProvider, body: Json): WireToolCall[] {
  const messages = records(body['messages']).filter((m) => m['role'] === 'assistant');
  switch (provider) {
    case 'openai':
      return messages.flatMap((m) =>
        records(m['tool_calls']).map((call) => {
          const fn = isRecord(call['function']) ? call['function'] : {};
          return { id: call['id'] as string | undefined, name: String(fn['name']), input: JSON.parse(String(fn['arguments'] ?? 'null')) as unknown };
        }),
      );
    case 'anthropic':
      return messages.flatMap((m) =>
        records(m['content'])
          .filter((block) => block['type'] === 'tool_use')
          .map((block) => ({ id: block['id'] as string | undefined, name: String(block['name']), input: block['input'] })),
      );
    case 'ollama':
      return messages.flatMap((m) =>
        records(m['tool_calls']).map((call) => {
          const fn = isRecord(call['function']) ? call['function'] : {};
          return { id: call['id'] as string | undefined, name: String(fn['name']), input: fn['arguments'] };
        }),
      );
  }
}

/**
 * The tool results of the request, in the provider's own shape: OpenAI `role: "tool"` messages with
 * `tool_call_id`, Anthropic `tool_result` blocks (with `tool_use_id`) in a user turn, Ollama
 * `role: "tool"` messages with `tool_name`.
 */
export function wireToolResults(provider: RealProvider, body: Json): WireToolResult[] {
  const messages = records(body['messages']);
  switch (provider) {
    case 'openai':
      return messages
        .filter((m) => m['role'] === 'tool')
        .map((m) => ({ id: m['tool_call_id'] as string | undefined, name: undefined, text: contentText(m['content']) }));
    case 'anthropic':
      return messages
        .filter((m) => m['role'] === 'user')
        .flatMap((m) => records(m['content']).filter((block) => block['type'] === 'tool_result'))
        .map((block) => ({ id: block['tool_use_id'] as string | undefined, name: undefined, text: contentText(block['content']) }));
    case 'ollama':
      return messages
        .filter((m) => m['role'] === 'tool')
        .map((m) => ({ id: m['tool_call_id'] as string | undefined, name: m['tool_name'] as string | undefined, text: contentText(m['content']) }));
  }
}

/**
 * How the request asked for structured output, in the provider's format: a JSON schema
 * (OpenAI `response_format.json_schema.schema`, Anthropic `output_config.format.schema`, Ollama
 * `format` as a schema object) or a forced tool (OpenAI/Anthropic `tool_choice` naming it; Ollama has
 * no tool_choice, so only the offered tool; a tool choice of "any"/"required" with a single tool offered
 * forces that tool too). Returns the ask and the schema's property names.
 */
export function wireStructuredAsk(provider: RealProvider, body: Json): { ask: StructuredAsk | { kind: 'none' }; properties: string[] } {
  const propertiesOf = (schema: unknown) => Object.keys(isRecord(schema) && isRecord(schema['properties']) ? schema['properties'] : {}).sort();
  const tools = records(body['tools']);
  const choice = body['tool_choice'];
  switch (provider) {
    case 'openai': {
      const format = isRecord(body['response_format']) ? body['response_format'] : undefined;
      if (format?.['type'] === 'json_schema' && isRecord(format['json_schema'])) return { ask: { kind: 'json_schema' }, properties: propertiesOf(format['json_schema']['schema']) };
      // A forced tool: named in tool_choice, or `required` with only that tool offered.
      const only = tools.length === 1 && isRecord(tools[0]?.['function']) ? tools[0]['function']['name'] : undefined;
      const forced = isRecord(choice) && isRecord(choice['function']) ? choice['function']['name'] : choice === 'required' ? only : undefined;
      if (forced !== undefined) {
        const name = String(forced);
        const offered = tools.find((t) => isRecord(t['function']) && t['function']['name'] === name);
        return { ask: { kind: 'tool', name }, properties: propertiesOf(isRecord(offered?.['function']) ? offered['function']['parameters'] : undefined) };
      }
      return { ask: { kind: 'none' }, properties: [] };
    }
    case 'anthropic': {
      const config = isRecord(body['output_config']) ? body['output_config'] : undefined;
      const format = isRecord(config?.['format']) ? config['format'] : undefined;
      if (format?.['type'] === 'json_schema') return { ask: { kind: 'json_schema' }, properties: propertiesOf(format['schema']) };
      // A forced tool: `{type: "tool", name}`, or `{type: "any"}` with only that tool offered.
      const forced = isRecord(choice) ? (choice['type'] === 'tool' ? choice['name'] : choice['type'] === 'any' && tools.length === 1 ? tools[0]?.['name'] : undefined) : undefined;
      if (forced !== undefined) {
        const name = String(forced);
        return { ask: { kind: 'tool', name }, properties: propertiesOf(tools.find((t) => t['name'] === name)?.['input_schema']) };
      }
      return { ask: { kind: 'none' }, properties: [] };
    }
    case 'ollama': {
      if (isRecord(body['format'])) return { ask: { kind: 'json_schema' }, properties: propertiesOf(body['format']) };
      const only = tools.length === 1 && isRecord(tools[0]?.['function']) ? tools[0]['function'] : undefined;
      if (only !== undefined) return { ask: { kind: 'tool', name: String(only['name']) }, properties: propertiesOf(only['parameters']) };
      return { ask: { kind: 'none' }, properties: [] };
    }
  }
}
