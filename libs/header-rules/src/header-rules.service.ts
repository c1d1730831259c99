import { Injectable } from '@nestjs/common';
import type { HeaderMap } from '@llm-router/core';
import { buildUpstreamHeaders, type UpstreamHeaderOptions } from './build-upstream-headers.js';
import type { CompiledHeaderRules } from './compiled-header-rules.js';
import { compileHeaderRules } from './compile-header-rules.js';
import type { HeaderRulesLayer } from './header-rules.js';

/** Nest face of the pure functions: stateless, each method delegates unchanged. */
@Injectable()
export class HeaderRulesService {
  compileHeaderRules(layers: readonly HeaderRulesLayer[]): CompiledHeaderRules {
    return compileHeaderRules(layers);
  }

  buildUpstreamHeaders(client: HeaderMap, rules: CompiledHeaderRules, options: UpstreamHeaderOptions): HeaderMap {
    return buildUpstreamHeaders(client, rules, options);
  }
}
