import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { HeaderRulesModule } from './header-rules.module.js';
import { HeaderRulesService } from './header-rules.service.js';

describe('HeaderRulesModule', () => {
  it('provides a HeaderRulesService that delegates to the pure functions', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [HeaderRulesModule] }).compile();
    const service = moduleRef.get(HeaderRulesService);
    const compiled = service.compileHeaderRules([{ path: 'header_rules', rules: { forceHeaders: { 'X-Forced': '1' } } }]);
    expect(service.buildUpstreamHeaders({ authorization: 'Bearer c' }, compiled, { forwardCredentials: false })).toEqual({ 'x-forced': '1' });
    await moduleRef.close();
  });
});
