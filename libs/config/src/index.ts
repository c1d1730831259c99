// Public API of @llm-router/config: load, validate and resolve the router's YAML config; provide it to Nest.
// The only lib that reads process.env (as the default of `options.env`).
export type {
  AdminListenerConfig,
  CorsConfig,
  FallbackOnEntry,
  HeaderRulesConfig,
  LoadBalancing,
  LogLevel,
  ModelApi,
  ModelConfig,
  ModelRoutingConfig,
  ResolvedDeployment,
  RetryConfig,
  RouterConfig,
  ServerConfig,
  TransformationConfig,
  TransformationStage,
  TransformationType,
  UpstreamModelConfig,
} from './router-config.js';
export type {
  AuthConfig,
  BudgetConfig,
  ClientKeyConfig,
  JwtConfig,
  ModelPricingConfig,
  OnStoreError,
  RateLimitsConfig,
  StateConfig,
  StateStoreKind,
} from './access-config.js';
export type { LoadConfigOptions } from './load-config-options.js';
export type { ConfigReport } from './config-report.js';
export { parseConfig, parseConfigReport } from './parse-config.js';
export { loadConfig, loadConfigReport } from './load-config.js';
export { resolveConfigPath, type ResolvedConfigPath } from './resolve-config-path.js';
export { modelEnvName } from './model-env-name.js';
export { ROUTER_CONFIG } from './router-config.token.js';
export { RouterConfigModule } from './router-config.module.js';
