// Public API of @llm-router/header-rules: pure functions for plain Node, plus a thin Nest service/module.
export type { HeaderRules, HeaderRulesLayer } from './header-rules.js';
export type { CompiledHeaderRules } from './compiled-header-rules.js';
export type { DropPattern } from './drop-pattern.js';
export { compileHeaderRules } from './compile-header-rules.js';
export { PROVIDER_IDENTITY_HEADERS } from './provider-identity-headers.js';
export { buildUpstreamHeaders, type UpstreamHeaderOptions } from './build-upstream-headers.js';
export { HeaderRulesService } from './header-rules.service.js';
export { HeaderRulesModule } from './header-rules.module.js';
