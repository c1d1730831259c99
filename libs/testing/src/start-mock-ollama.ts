import { startMockServer } from './mock-server.js';
import type { MockUpstream } from './mock-upstream.js';
import { ollamaFamily, type MockOllamaOptions } from './ollama/ollama-family.js';

/**
 * A strict fake of Ollama's native API on 127.0.0.1 (free port): `POST /api/chat`, `POST /api/generate`, `POST /api/embed`,
 * `GET /api/tags` and `GET /api/version`, answering from the ollama fixtures, streamed as NDJSON unless the
 * request says `stream:false`. Use `origin` as the Ollama host. Close it in `afterAll`.
 */
export function startMockOllama(options: MockOllamaOptions = {}): Promise<MockUpstream> {
  return startMockServer(ollamaFamily(options), options);
}
