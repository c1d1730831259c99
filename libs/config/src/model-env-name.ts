/**
 * The NAME in `LLM_ROUTER_MODEL_<NAME>_API_KEY` for a model key: every character that is not an ASCII letter
 * or digit becomes `_`, then upper-case (`claude-3.5:latest` -> `CLAUDE_3_5_LATEST`). Distinct keys can share a
 * name (`gpt-4`, `gpt_4`); `parseConfig` reports an override that would be ambiguous.
 */
export function modelEnvName(model: string): string {
  return model.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
}
