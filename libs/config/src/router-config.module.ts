import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { RouterConfig } from './router-config.js';
import { ROUTER_CONFIG } from './router-config.token.js';

/**
 * Provides an already-loaded `RouterConfig` app-wide under `ROUTER_CONFIG`. It never reads files or env: load
 * the config first (so a bad file fails before Nest boots), then import `RouterConfigModule.forRoot(config)` once.
 */
@Global()
@Module({})
export class RouterConfigModule {
  static forRoot(config: RouterConfig): DynamicModule {
    return {
      module: RouterConfigModule,
      global: true,
      providers: [{ provide: ROUTER_CONFIG, useValue: config }],
      exports: [ROUTER_CONFIG],
    };
  }
}
