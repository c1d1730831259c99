// Public API of @llm-router/testing: strict mock OpenAI/Anthropic upstreams and the wire-format fixtures.
// Test-only: never import it from production code.
export { fixturePath, readFixture, readFixtureJson } from './fixture-files.js';
export { readSseFixtureFrames } from './sse-fixture-frames.js';
export { startMockOpenAI } from './start-mock-openai.js';
export { startMockAnthropic } from './start-mock-anthropic.js';
export type { MockOptions, MockUpstream, RecordedRequest, ScriptedResponse } from './mock-upstream.js';
// Ollama's native API (/api/chat, /api/generate, NDJSON streams).
export { startMockOllama } from './start-mock-ollama.js';
export type { MockOllamaOptions } from './ollama/ollama-family.js';
// The mock upstreams' request validators (the rules the e2e mocks enforce), for codec-level conformance specs.
export { validateChatRequest as validateOpenAIChatRequest } from './openai/validate-chat-request.js';
export { validateResponsesRequest as validateOpenAIResponsesRequest } from './openai/validate-responses-request.js';
export type { OpenAiProblem } from './openai/openai-problem.js';
export { validateMessagesRequest as validateAnthropicMessagesRequest, type AnthropicEndpoint } from './anthropic/validate-messages-request.js';
export { validateChatRequest as validateOllamaChatRequest } from './ollama/validate-chat-request.js';
export { validateGenerateRequest as validateOllamaGenerateRequest } from './ollama/validate-generate-request.js';
// An upstream that writes raw bytes (invalid statuses, endless lines, compression, early closes): security tests.
export { startMisbehavingUpstream, type MisbehavingUpstream, type RawRequest } from './start-misbehaving-upstream.js';
export { decodeStream, deepJson, fuzzParams, inputs, oddJson, replacement, totalOrRouterError } from './fuzz/codec-properties.js';
// Embeddings on the mocks (OpenAI `POST /v1/embeddings`, Ollama `POST /api/embed`): the vectors they answer.
export { mockEmbedding, MOCK_EMBEDDING_DIMENSIONS } from './mock-embedding.js';
export { OPENAI_EMBEDDING_SALT } from './openai/openai-embeddings-route.js';
export { OLLAMA_EMBEDDING_SALT } from './ollama/ollama-embed-answer.js';
