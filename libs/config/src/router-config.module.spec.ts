import { describe, expect, it } from '@jest/globals';
import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { parseConfig } from './parse-config.js';
import type { RouterConfig } from './router-config.js';
import { RouterConfigModule } from './router-config.module.js';
import { ROUTER_CONFIG } from './router-config.token.js';

@Injectable()
class NeedsConfig {
  constructor(@Inject(ROUTER_CONFIG) readonly config: RouterConfig) {}
}

// Does not import RouterConfigModule: the config must reach it because the module is global.
@Module({ providers: [NeedsConfig], exports: [NeedsConfig] })
class FeatureModule {}

describe('RouterConfigModule', () => {
  const config = parseConfig('models:\n  m:\n    provider: echo\n', '<spec>', { env: {} });

  it('provides the given config under ROUTER_CONFIG', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [RouterConfigModule.forRoot(config)] }).compile();
    expect(moduleRef.get(ROUTER_CONFIG)).toBe(config);
    await moduleRef.close();
  });

  it('is global: modules that do not import it can inject the config', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [RouterConfigModule.forRoot(config), FeatureModule] }).compile();
    expect(moduleRef.get(NeedsConfig).config).toBe(config);
    await moduleRef.close();
  });
});
