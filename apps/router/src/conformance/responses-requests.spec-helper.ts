import { readFixtureJson } from '@llm-router/testing';
import type { JsonBody, RequestScenario } from './scenarios.spec-helper.js';

// The OpenAI Responses client's requests for the shared scenarios: the chat fixtures' prompts, tools and
// history in Responses shape (there are no Responses request fixtures for these scenarios; the two Codex
// captures are checked in requests-openai-responses.spec.ts).

interface ChatTool {
  function: { name: string; description: string; parameters: Record<string, unknown>; strict: boolean };
}

function weatherTool(): JsonBody {
  const chat = readFixtureJson<{ tools: ChatTool[] }>('openai-chat/tools.stream.request.json');
  const fn = chat.tools[0]?.function;
  if (fn === undefined) throw new Error('the chat tools fixture has a tool');
  return { type: 'function', name: fn.name, description: fn.description, parameters: fn.parameters, strict: fn.strict };
}

const WEATHER_SYSTEM = 'You are a weather assistant. Use tools when needed.';
const WEATHER_QUESTION = "What's the weather in Paris and Tokyo right now?";

function basic(): JsonBody {
  return {
    model: 'gpt-4.1-mini',
    instructions: 'You are a concise assistant.',
    input: [{ role: 'user', content: 'Give me a one-sentence fun fact about octopuses.' }],
    max_output_tokens: 256,
    temperature: 0.7,
    top_p: 1,
    user: 'user-4f2a9c',
    store: false,
  };
}

export const RESPONSES_REQUESTS: Readonly<Partial<Record<RequestScenario, () => JsonBody>>> = {
  basic,
  'basic-stream': () => ({ ...basic(), stream: true }),
  tools: () => ({
    model: 'gpt-4.1-mini',
    instructions: WEATHER_SYSTEM,
    input: WEATHER_QUESTION,
    tools: [weatherTool()],
    tool_choice: 'auto',
    parallel_tool_calls: true,
    stream: true,
  }),
  'tools-followup': () => ({
    model: 'gpt-4.1-mini',
    instructions: WEATHER_SYSTEM,
    tools: [weatherTool()],
    input: [
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: WEATHER_QUESTION }] },
      { type: 'function_call', id: 'fc_1', call_id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', name: 'get_weather', arguments: '{"city": "Paris", "unit": "celsius"}', status: 'completed' },
      { type: 'function_call', id: 'fc_2', call_id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', name: 'get_weather', arguments: '{"city": "Tokyo", "unit": "celsius"}', status: 'completed' },
      { type: 'function_call_output', call_id: 'call_Xk7Qp2mLr9VtB4sNw8Yc1EaZ', output: '{"city":"Paris","temp_c":11,"conditions":"light rain"}' },
      { type: 'function_call_output', call_id: 'call_Hd3Fj6uKo0GpT5yRe2WqM7Lb', output: [{ type: 'input_text', text: '{"city":"Tokyo","temp_c":17,"conditions":"clear"}' }] },
    ],
  }),
  vision: () => ({
    model: 'gpt-4.1-mini',
    max_output_tokens: 300,
    input: [
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'Compare these two images in one sentence.' },
          { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', detail: 'low' },
          { type: 'input_image', image_url: 'https://upload.wikimedia.org/wikipedia/commons/3/3f/Placeholder_view_vector.svg.png', detail: 'auto' },
        ],
      },
    ],
  }),
  thinking: () => ({
    model: 'gpt-4.1-mini',
    input: 'Is 1001 prime? Answer briefly.',
    reasoning: { effort: 'medium', summary: 'auto' },
    stream: true,
  }),
};
