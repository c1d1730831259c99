import { startMockServer } from './mock-server.js';
import type { MockOptions, MockUpstream } from './mock-upstream.js';
import { openAiFamily } from './openai/openai-family.js';

/**
 * A strict fake of the OpenAI API on 127.0.0.1 (free port): `POST /v1/chat/completions`,
 * `POST /v1/completions`, `POST /v1/responses` and `GET /v1/models`, answering from the fixtures
 * (`responsesOnly`: chat and completions 404 as for OpenAI's Responses-only models). Close it in `afterAll`.
 */
export function startMockOpenAI(options: MockOptions = {}): Promise<MockUpstream> {
  return startMockServer(openAiFamily(options), options);
}
