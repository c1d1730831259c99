import { anthropicFamily } from './anthropic/anthropic-family.js';
import { startMockServer } from './mock-server.js';
import type { MockOptions, MockUpstream } from './mock-upstream.js';

/**
 * A strict fake of the Anthropic API on 127.0.0.1 (free port): `POST /v1/messages`,
 * `POST /v1/messages/count_tokens` and `GET /v1/models`, answering from the fixtures. Close it in `afterAll`.
 */
export function startMockAnthropic(options: MockOptions = {}): Promise<MockUpstream> {
  return startMockServer(anthropicFamily(options), options);
}
