import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The four client formats and the four upstream kinds: the 16 pairs of the translation matrix. The
 * upstreams are the three providers and OpenAI's second dialect, an `api: responses` openai model
 * (`openai-responses`). The `openai` upstream is a model with the default `api: auto`, except for
 * Responses clients, which it would pass through like `openai-responses`: they get an `api: chat` model
 * there (translated to chat completions, see `OPENAI_CHAT_API_MODEL`).
 */
export type MatrixClient = 'openai-chat' | 'openai-completions' | 'anthropic' | 'openai-responses';
export type MatrixUpstream = 'openai' | 'anthropic' | 'ollama' | 'openai-responses';

/**
 * What a matrix test proved for one pair and feature: `works` (the assertions passed), `refused` (the
 * router answered a clear 400 naming the field, before any upstream call), or `na` (the feature does not
 * exist for that client format). A cell with no record means its test failed or did not run.
 */
export type MatrixOutcome = 'works' | 'refused' | 'na';

/** The matrix rows, in README order. */
export const FEATURES = [
  'text',
  'text, streamed',
  'system prompt',
  'usage',
  'tools',
  'tools, streamed (2 parallel calls)',
  'tool results in history',
  'image (base64)',
  'image (URL)',
  'thinking / reasoning',
  'sampling and limits',
  'JSON mode',
  'upstream error keeps status',
  'mid-stream error in-band',
  'n > 1',
  'logprobs',
  'suffix (fill in the middle)',
  'echo',
  'count_tokens',
] as const;
export type MatrixFeature = (typeof FEATURES)[number];

interface Cell {
  client: MatrixClient;
  upstream: MatrixUpstream;
  feature: MatrixFeature;
  outcome: MatrixOutcome;
}

const WORKSPACE = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Collects the outcomes of one spec file. Call `record` as the LAST statement of a test, after its
 * assertions, so only a passing test records; `write` in afterAll saves reports/matrix/<name>.json,
 * from which tools/scripts/render-matrix.mjs renders the README table.
 */
export class MatrixRecorder {
  private readonly cells: Cell[] = [];

  constructor(private readonly name: string) {}

  record(client: MatrixClient, upstream: MatrixUpstream, feature: MatrixFeature, outcome: MatrixOutcome): void {
    this.cells.push({ client, upstream, feature, outcome });
  }

  write(): void {
    const dir = join(WORKSPACE, 'reports', 'matrix');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${this.name}.json`), JSON.stringify({ features: FEATURES, cells: this.cells }, null, 1) + '\n');
  }
}
