import { describe, expect, it } from '@jest/globals';
import { pair } from './families.spec-helper.js';
import { translateRequest } from './pipeline.spec-helper.js';
import { clientRequest, type JsonBody } from './scenarios.spec-helper.js';
import { upstreamProblem } from './upstream-validation.spec-helper.js';

// §6 #11 (BerriAI/litellm #21114): a non-Anthropic history routed to Claude carried tool ids such as
// `functions.get_weather:0`, which break Anthropic's ^[a-zA-Z0-9_-]+$. The ids are mapped, the same way on
// the call and on its result, so the pairing survives.

describe('§6 #11: tool call ids an Anthropic upstream accepts', () => {
  it('openai-chat -> anthropic: `functions.get_weather:0` becomes a valid id, identical in tool_use and tool_result', () => {
    const body = clientRequest('openai-chat', 'tools-followup');
    const text = JSON.stringify(body).split('call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ').join('functions.get_weather:0').split('call_Hd3Fj6uKo0GpT5yRe2WqM7Lb').join('functions.get_weather:1');
    const { encoded } = translateRequest(pair('openai-chat', 'anthropic'), JSON.parse(text) as JsonBody);
    expect(upstreamProblem('anthropic', encoded)).toBeUndefined();

    const [, assistant, results] = encoded.body['messages'] as Array<{ content: Array<{ id?: string; tool_use_id?: string }> }>;
    const ids = assistant?.content.map((block) => block.id) ?? [];
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(new Set(ids).size).toBe(2);
    expect(results?.content.map((block) => block.tool_use_id)).toEqual(ids);
  });
});
