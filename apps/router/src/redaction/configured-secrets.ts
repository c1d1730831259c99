import type { HeaderRulesConfig, RouterConfig } from '@llm-router/config';

/**
 * Header-rule headers whose values are protocol metadata, never credentials: not treated as secrets
 * (redacting `application/json` or an `anthropic-beta` flag wherever it appears would break answers).
 */
const PROTOCOL_HEADERS: ReadonlySet<string> = new Set(['content-type', 'accept', 'accept-encoding', 'user-agent', 'anthropic-version', 'anthropic-beta', 'openai-beta']);

/**
 * Every secret the config gives the router, which neither a client nor the log may see: each model's
 * `api_key`, every `add_headers` / `force_headers` value (global and per model: header rules are how
 * users add credentials the router has no field for; except the PROTOCOL_HEADERS), and the userinfo of each endpoint URL (user,
 * password, decoded and as written, and the `Basic` token an HTTP client derives from them).
 * Values shorter than 8 characters are returned too; the redactor and the masker ignore them.
 */
export function configuredSecrets(config: RouterConfig): string[] {
  const secrets = new Set<string>();
  const addRules = (rules: HeaderRulesConfig | undefined) => {
    if (rules === undefined) return;
    for (const [name, value] of [...Object.entries(rules.addHeaders), ...Object.entries(rules.forceHeaders)]) {
      if (!PROTOCOL_HEADERS.has(name.toLowerCase())) secrets.add(value);
    }
  };
  addRules(config.headerRules);
  // Every deployment's own fields (the seed form's one deployment is the model itself).
  for (const model of Object.values(config.models).flatMap((m) => [m, ...m.deployments])) {
    if (model.apiKey !== undefined) secrets.add(model.apiKey);
    addRules(model.headerRules);
    if (model.endpoint !== undefined) for (const secret of userinfoSecrets(model.endpoint)) secrets.add(secret);
  }
  secrets.delete('');
  return [...secrets];
}

/** The secrets in a URL's userinfo (`https://user:password@host`); none for a URL without one. */
export function userinfoSecrets(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (parsed.username === '' && parsed.password === '') return [];
  const user = safeDecode(parsed.username);
  const password = safeDecode(parsed.password);
  const out = [parsed.username, parsed.password, user, password, `${user}:${password}`, Buffer.from(`${user}:${password}`).toString('base64')];
  return out.filter((secret) => secret !== '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
