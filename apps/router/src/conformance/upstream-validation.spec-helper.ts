import type { EncodedRequest } from '@llm-router/core';
import {
  validateAnthropicMessagesRequest,
  validateOllamaChatRequest,
  validateOllamaGenerateRequest,
  validateOpenAIChatRequest,
  validateOpenAIResponsesRequest,
} from '@llm-router/testing';
import type { UpstreamFamily } from './families.spec-helper.js';

/**
 * What the upstream would say about an encoded request: the mock upstreams' validators, the same rules the
 * e2e mocks enforce (unknown fields, roles, content shapes, tool pairing, ranges…). undefined = accepted.
 */
export function upstreamProblem(upstream: UpstreamFamily, { path, body }: EncodedRequest): string | undefined {
  switch (upstream) {
    case 'openai': {
      if (path !== '/chat/completions') return `unexpected path ${path}`;
      const problem = validateOpenAIChatRequest(body);
      return problem === undefined ? undefined : `${problem.message} (param ${problem.param ?? 'null'})`;
    }
    case 'openai-responses': {
      if (path !== '/responses') return `unexpected path ${path}`;
      const problem = validateOpenAIResponsesRequest(body);
      return problem === undefined ? undefined : `${problem.message} (param ${problem.param ?? 'null'})`;
    }
    case 'anthropic':
      return path === '/v1/messages' ? validateAnthropicMessagesRequest(body, 'messages') : `unexpected path ${path}`;
    case 'ollama':
      if (path === '/api/chat') return validateOllamaChatRequest(body);
      if (path === '/api/generate') return validateOllamaGenerateRequest(body);
      return `unexpected path ${path}`;
  }
}
