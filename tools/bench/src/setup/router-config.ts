import { writeFileSync } from 'node:fs';

export interface RouterVariant {
  /** Short name used in the report (`router`, `router (log off)`, ...). */
  name: string;
  logLevel: 'info' | 'warn';
  logBodies: boolean;
}

export const DEFAULT_ROUTER: RouterVariant = { name: 'router', logLevel: 'info', logBodies: false };
export const QUIET_ROUTER: RouterVariant = { name: 'router, log off', logLevel: 'warn', logBodies: false };
export const BODY_LOG_ROUTER: RouterVariant = { name: 'router, body log', logLevel: 'info', logBodies: true };

/**
 * The router's config for a run: one model per upstream family on the mock, with API keys (so masking
 * runs) and the example config's header rules (what a typical deployment has). `bench-openai` is the
 * passthrough pair for OpenAI clients, `bench-anthropic` the translated one. `extraModels`: more entries
 * under `models:` (YAML indented by two spaces).
 */
export function writeRouterConfig(file: string, upstream: string, variant: RouterVariant, extraModels = ''): void {
  writeFileSync(
    file,
    `server:
  host: 127.0.0.1
  log_level: ${variant.logLevel}
  log_requests: ${variant.logBodies}
  log_responses: ${variant.logBodies}
  shutdown_grace_period: 2
models:
  bench-openai:
    provider: openai
    endpoint: ${upstream}/v1
    api_key: sk-bench-0123456789abcdef0123456789abcdef
    actual_model_name: gpt-4.1-mini
  bench-anthropic:
    provider: anthropic
    endpoint: ${upstream}
    api_key: sk-ant-bench-0123456789abcdef0123456789abcdef
    actual_model_name: claude-haiku-4-5
  bench-ollama:
    provider: ollama
    endpoint: ${upstream}
    actual_model_name: llama3.2:3b
${extraModels}header_rules:
  drop_headers:
    - x-forwarded-for
    - /^x-internal-/i
  add_headers:
    x-llm-router: "1"
`,
  );
}

/**
 * A client key with rpm, tpm, max_parallel and a token budget far above any bench load (every request is
 * admitted and settled), counted in memory: appended to a router config, it turns the access layer on.
 */
export const ACCESS_BLOCK = `auth:
  keys:
    - name: bench
      key: sk-client-0123456789abcdef
      limits: {rpm: 100000000, tpm: 100000000000, max_parallel: 100000}
      budget: {tokens: 100000000000, period: 1d}
`;

/** `bench-routed`: the OpenAI upstream as three weighted deployments plus a fallback model (for `extraModels`). */
export function routedModel(upstream: string): string {
  return `  bench-routed:
    provider: openai
    api_key: sk-bench-0123456789abcdef0123456789abcdef
    actual_model_name: gpt-4.1-mini
    fallbacks: [bench-anthropic]
    deployments:
      - {endpoint: "${upstream}/v1", name: one, weight: 2}
      - {endpoint: "${upstream}/v1", name: two, weight: 1}
      - {endpoint: "${upstream}/v1", name: three, weight: 1}
`;
}
