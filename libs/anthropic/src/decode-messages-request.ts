import type { IrEffort, IrRequest, IrResponseFormat, IrThinking, IrTextPart, TranslationContext } from '@llm-router/core';
import { decodeRequestMessages } from './decode-request-messages.js';
import { decodeRequestTools, decodeToolChoice } from './decode-request-tools.js';
import { decodeSystemPrompt } from './decode-system-prompt.js';
import { stripBillingHeader } from './strip-billing-header.js';
import { toolLoading } from './tool-loading.js';
import {
  invalidField,
  readList,
  readOptionalBoolean,
  readOptionalInteger,
  readOptionalNumber,
  readOptionalString,
  readRecord,
  readString,
} from './read-request-field.js';

/** Fields read below; anything else is dropped with a warning. */
const TRANSLATED = new Set([
  'model',
  'max_tokens',
  'messages',
  'system',
  'stop_sequences',
  'temperature',
  'top_p',
  'top_k',
  'tools',
  'tool_choice',
  'thinking',
  'metadata',
  'stream',
  'output_config',
]);
/** Features that run inside Anthropic: refused (400) when the upstream is another family. */
const REFUSED = ['container', 'mcp_servers'];
/** Anthropic-only tuning that changes no semantics: dropped with a warning. */
const DROPPED = ['service_tier', 'cache_control', 'inference_geo', 'speed'];
const EFFORTS: readonly IrEffort[] = ['low', 'medium', 'high', 'xhigh', 'max'];

/**
 * A `/v1/messages` body as an IR request, for an upstream of another family (docs/protocols.md §5).
 * Runs after `inspect`, but checks every field it reads: a wrong type is a 400 naming the field.
 * `max_tokens` stays optional here so count_tokens bodies (which have none) decode too.
 *
 * This decoder only runs for upstreams of another family (an Anthropic upstream gets the client's bytes),
 * so it also drops what only Anthropic uses: Claude Code's `x-anthropic-billing-header` system line (a
 * per-session value that would defeat the upstream's prompt cache), and deferred tools the conversation
 * has not loaded yet (see `ToolLoading`; each is named in a warning).
 */
export function decodeMessagesRequest(body: unknown, context: TranslationContext): IrRequest {
  const request = readRecord(body, 'body');
  for (const field of REFUSED) {
    if (request[field] !== undefined && request[field] !== null) {
      throw invalidField(field, 'Anthropic-only, cannot be translated for this upstream');
    }
  }
  for (const field of Object.keys(request)) {
    if (DROPPED.includes(field)) context.warnings.push(`${field}: Anthropic-only, dropped`);
    else if (!TRANSLATED.has(field) && !REFUSED.includes(field)) context.warnings.push(`${field}: not translated, dropped`);
  }

  const declared = decodeRequestTools(request['tools']);
  const loading = toolLoading(declared?.tools.map((tool) => tool.name) ?? [], declared?.deferred ?? []);
  const system: IrTextPart[] = decodeSystemPrompt(request['system'], 'system');
  const messages = decodeRequestMessages(request['messages'], system, loading);
  const ir: IrRequest = {
    model: readString(request['model'], 'model'),
    system: stripBillingHeader(system),
    messages,
    stream: readOptionalBoolean(request['stream'], 'stream') ?? false,
  };

  const choice = decodeToolChoice(request['tool_choice']);
  if (choice.toolChoice?.type === 'tool' && loading.deferred.has(choice.toolChoice.name)) loading.loaded.add(choice.toolChoice.name);
  Object.assign(ir, choice);
  if (declared !== undefined) {
    const hidden = [...loading.deferred].filter((name) => !loading.loaded.has(name));
    if (hidden.length > 0) context.warnings.push(`tools: deferred tools not loaded by a tool_reference yet, not offered: ${hidden.join(', ')}`);
    ir.tools = declared.tools.filter((tool) => !loading.deferred.has(tool.name) || loading.loaded.has(tool.name));
  }

  const maxTokens = readOptionalInteger(request['max_tokens'], 'max_tokens');
  if (maxTokens !== undefined) ir.maxTokens = maxTokens;
  const temperature = readOptionalNumber(request['temperature'], 'temperature');
  if (temperature !== undefined) ir.temperature = temperature;
  const topP = readOptionalNumber(request['top_p'], 'top_p');
  if (topP !== undefined) ir.topP = topP;
  const topK = readOptionalInteger(request['top_k'], 'top_k');
  if (topK !== undefined) ir.topK = topK;
  const stop = decodeStopSequences(request['stop_sequences']);
  if (stop !== undefined) ir.stop = stop;
  const thinking = decodeThinking(request['thinking'], context);
  if (thinking !== undefined) ir.thinking = thinking;
  const user = decodeUserId(request['metadata']);
  if (user !== undefined) ir.user = user;
  Object.assign(ir, decodeOutputConfig(request['output_config']));
  return ir;
}

function decodeStopSequences(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return readList(value, 'stop_sequences').map((item, k) => readString(item, `stop_sequences[${k}]`));
}

/** `thinking`: enabled (with its budget), adaptive, disabled. `display` is dropped; other types too, with a warning. */
function decodeThinking(value: unknown, context: TranslationContext): IrThinking | undefined {
  if (value === undefined || value === null) return undefined;
  const thinking = readRecord(value, 'thinking');
  switch (thinking['type']) {
    case 'enabled': {
      const budgetTokens = readOptionalInteger(thinking['budget_tokens'], 'thinking.budget_tokens');
      if (budgetTokens === undefined) throw invalidField('thinking.budget_tokens', 'Field required');
      return { type: 'enabled', budgetTokens };
    }
    case 'adaptive':
      return { type: 'adaptive' };
    case 'disabled':
      return { type: 'disabled' };
    default:
      context.warnings.push(`thinking.type: ${JSON.stringify(thinking['type'] ?? null)} not translated, dropped`);
      return undefined;
  }
}

/** `metadata.user_id` (an opaque id) → `user`; other metadata keys do not exist in the API. */
function decodeUserId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return readOptionalString(readRecord(value, 'metadata')['user_id'], 'metadata.user_id');
}

/**
 * `output_config`: `effort` (low, medium, high, xhigh, max) → IR `effort`, which each upstream encoder
 * maps to its own knob; `format` json_schema → a json_schema response format (named `response`).
 */
function decodeOutputConfig(value: unknown): { effort?: IrEffort; responseFormat?: IrResponseFormat } {
  if (value === undefined || value === null) return {};
  const config = readRecord(value, 'output_config');
  const decoded: { effort?: IrEffort; responseFormat?: IrResponseFormat } = {};
  const effort = config['effort'];
  if (effort !== undefined && effort !== null) {
    const known = EFFORTS.find((level) => level === effort);
    if (known === undefined) throw invalidField('output_config.effort', `Input should be ${EFFORTS.map((level) => `'${level}'`).join(', ')}`);
    decoded.effort = known;
  }
  const format = config['format'];
  if (format === undefined || format === null) return decoded;
  const spec = readRecord(format, 'output_config.format');
  if (spec['type'] !== 'json_schema') throw invalidField('output_config.format.type', "Input should be 'json_schema'");
  decoded.responseFormat = { type: 'json_schema', name: 'response', schema: readRecord(spec['schema'], 'output_config.format.schema') };
  return decoded;
}
