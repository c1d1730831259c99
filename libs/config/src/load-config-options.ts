export interface LoadConfigOptions {
  /** Where `${VAR}` references and `LLM_ROUTER_*` overrides are read from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** Command-line overrides; they beat the environment, which beats the file. */
  overrides?: { host?: string; port?: number };
}
