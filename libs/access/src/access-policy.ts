import { ConfigValidationError, type ConfigProblem } from '@llm-router/core';
import type { AuthSettings, BudgetSettings, JwtSettings, ModelAccessSettings, ModelPricingSettings, RateLimitSettings } from './access-settings.js';
import type { CallerPolicy } from './caller.js';
import { KeyRegistry } from './key-registry.js';
import { compileModelGlobs } from './model-matcher.js';
import { sha256Hex } from './sha256-hex.js';

export interface AccessPolicySettings {
  /** Absent: no authentication (every request is the anonymous caller); model-wide limits still apply. */
  auth?: AuthSettings;
  /** Every router model, keyed by its client-facing name. */
  models: Readonly<Record<string, ModelAccessSettings>>;
}

/** A router model's compiled limits and pricing. */
export interface ModelPolicy {
  name: string;
  nameHash: string;
  limits: RateLimitSettings;
  pricing?: ModelPricingSettings;
}

const ANONYMOUS = 'anonymous';

/** The metrics label of a JWT caller without an `auth.keys` entry: claim values are unbounded, label values must not be. */
export const JWT_CALLER_LABEL = 'jwt';

/** The compiled access config: keys by digest, callers by name, models. Immutable; build a new one on reload. */
export class AccessPolicy {
  readonly authRequired: boolean;
  /**
   * Whether any request needs a decision at all: `auth` is set or some model has `limits`. false: the app
   * skips the access layer entirely (one boolean check per request).
   */
  readonly enforces: boolean;
  readonly keys: KeyRegistry<CallerPolicy>;
  readonly jwt: JwtSettings | undefined;
  readonly anonymous: CallerPolicy;
  private readonly callers = new Map<string, CallerPolicy>();
  private readonly models = new Map<string, ModelPolicy>();
  private readonly jwtDefaults: Omit<CallerPolicy, 'name' | 'nameHash'> | undefined;

  constructor(settings: AccessPolicySettings) {
    const auth = settings.auth;
    this.authRequired = auth !== undefined;
    this.jwt = auth?.jwt;
    for (const [name, model] of Object.entries(settings.models)) {
      this.models.set(name, { name, nameHash: hashName(name), limits: model.limits ?? {}, ...(model.pricing !== undefined && { pricing: model.pricing }) });
    }
    const keyed: [string, CallerPolicy][] = [];
    for (const key of auth?.keys ?? []) {
      const policy = callerPolicy(key.name, key.models, key.limits, key.budget);
      this.callers.set(key.name, policy);
      if (key.keySha256 !== undefined) keyed.push([key.keySha256.toLowerCase(), policy]);
    }
    this.keys = new KeyRegistry(keyed);
    const jwt = auth?.jwt;
    this.jwtDefaults = jwt === undefined ? undefined : { allows: compileModelGlobs(jwt.models), limits: jwt.limits, ...(jwt.budget !== undefined && { budget: jwt.budget }) };
    this.anonymous = callerPolicy(ANONYMOUS, ['*'], {}, undefined);
    this.enforces = this.authRequired || [...this.models.values()].some((model) => Object.keys(model.limits).length > 0);
    const problems = [...this.unpricedBudgets(auth), ...this.forwardedCredentials(settings)];
    if (problems.length > 0) throw new ConfigValidationError(problems);
  }

  /** The policy of a JWT caller: its `keys` entry by name, else the `jwt` block's defaults (own counters per name). */
  jwtCaller(name: string): CallerPolicy {
    const known = this.callers.get(name);
    if (known !== undefined) return known;
    const defaults = this.jwtDefaults ?? { allows: () => false, limits: {} };
    return { name, nameHash: hashName(name), ...defaults };
  }

  /**
   * A caller's name as a metrics label, bounded by the config: configured key names and `anonymous` as they
   * are, any other (a JWT claim value) as `jwt`, and `''` when nobody was identified.
   */
  callerLabel(name: string | undefined): string {
    if (name === undefined) return '';
    return name === ANONYMOUS || this.callers.has(name) ? name : JWT_CALLER_LABEL;
  }

  model(name: string): ModelPolicy | undefined {
    return this.models.get(name);
  }

  /** The router models a caller may use, in config order (for `/v1/models`). */
  visibleModels(caller: CallerPolicy): string[] {
    return [...this.models.keys()].filter((name) => caller.allows(name));
  }

  // With auth, the client's credential is the router key: forwarding it would hand it to the upstream.
  private forwardedCredentials(settings: AccessPolicySettings): ConfigProblem[] {
    if (settings.auth === undefined) return [];
    return Object.entries(settings.models)
      .filter(([, model]) => model.forwardClientCredentials === true)
      .map(([name]) => ({
        path: `models.${name}.forward_client_credentials`,
        message: 'cannot be true together with auth: the credential clients send is their router key, which must not reach the upstream (give the model an api_key instead)',
      }));
  }

  // A USD budget cannot be enforced on a model without a price: refuse such a config at boot.
  private unpricedBudgets(auth: AuthSettings | undefined): ConfigProblem[] {
    const budgeted = (auth?.keys ?? []).map((key, index) => ({ path: `auth.keys[${index}].budget.usd`, allows: compileModelGlobs(key.models), budget: key.budget }));
    if (auth?.jwt !== undefined) budgeted.push({ path: 'auth.jwt.budget.usd', allows: compileModelGlobs(auth.jwt.models), budget: auth.jwt.budget });
    return budgeted.flatMap(({ path, allows, budget }) => {
      if (budget?.usd === undefined) return [];
      const unpriced = [...this.models.values()].filter((model) => model.pricing === undefined && allows(model.name)).map((model) => model.name);
      return unpriced.length === 0 ? [] : [{ path, message: `needs models.<name>.pricing for every model the caller may use (missing: ${unpriced.join(', ')})` }];
    });
  }
}

function callerPolicy(name: string, models: readonly string[], limits: RateLimitSettings, budget: BudgetSettings | undefined): CallerPolicy {
  return { name, nameHash: hashName(name), allows: compileModelGlobs(models), limits, ...(budget !== undefined && { budget }) };
}

/** Names reach the state store only as this 16-hex-digit SHA-256 prefix. */
export function hashName(name: string): string {
  return sha256Hex(name).slice(0, 16);
}
