import type { IrRequest, IrResponse } from '@llm-router/core';
import { customToolNames } from './custom-tool-input.js';
import { ResponsesIds } from './responses-ids.js';
import { encodeResponsesUsage, responsesEnding, responsesObject } from './responses-object.js';
import type { ResponsesObject, ResponsesOutputItem } from './responses-wire.js';

/**
 * `ClientCodec.encodeResponse` for `/v1/responses` (§8.2): the IR answer as a `response` object. Parts in
 * order become output items: consecutive texts one `message` with one `output_text`; a tool call a
 * `function_call` (arguments as a JSON string), or a `custom_tool_call` with its `input` unwrapped when the
 * request declared the tool `custom` (`request`, see IrTool.custom); thinking a `reasoning` item with the
 * text as one `summary_text` (signatures dropped); redacted thinking a `reasoning` item with no summary.
 * The IR has no refusal part: a refusal's text arrives as text, its stop as `content_filter`.
 */
export function encodeResponsesResponse(response: IrResponse, request?: IrRequest): ResponsesObject {
  const ids = new ResponsesIds(response.id);
  const custom = customToolNames(request?.tools);
  const ending = responsesEnding(response.stopReason);
  const output: ResponsesOutputItem[] = [];
  for (const part of response.parts) {
    const index = output.length;
    switch (part.type) {
      case 'text': {
        const last = output.at(-1);
        if (last?.type === 'message' && last.content[0] !== undefined) last.content[0].text += part.text;
        else output.push({ type: 'message', id: ids.item('msg', index), role: 'assistant', status: ending.status === 'incomplete' ? 'incomplete' : 'completed', content: [{ type: 'output_text', text: part.text, annotations: [], logprobs: [] }] });
        break;
      }
      case 'tool_call':
        if (custom.has(part.name)) {
          const input = part.arguments['input'];
          output.push({ type: 'custom_tool_call', id: ids.item('ctc', index), call_id: part.id, name: part.name, input: typeof input === 'string' ? input : JSON.stringify(part.arguments), status: 'completed' });
        } else {
          output.push({ type: 'function_call', id: ids.item('fc', index), call_id: part.id, name: part.name, arguments: JSON.stringify(part.arguments), status: 'completed' });
        }
        break;
      case 'thinking':
        output.push({ type: 'reasoning', id: ids.item('rs', index), summary: part.text === '' ? [] : [{ type: 'summary_text', text: part.text }] });
        break;
      case 'redacted_thinking':
        output.push({ type: 'reasoning', id: ids.item('rs', index), summary: [] });
        break;
      default:
        break;
    }
  }
  return responsesObject({
    id: ids.responseId,
    createdAt: response.created,
    model: response.model,
    status: ending.status,
    incompleteDetails: ending.incomplete_details,
    output,
    usage: encodeResponsesUsage(response.usage),
    request,
  });
}
