import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { TransformsModule } from './transforms.module.js';
import { TransformsService } from './transforms.service.js';

describe('TransformsModule', () => {
  it('provides a TransformsService that delegates to the pure functions', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TransformsModule] }).compile();
    const service = moduleRef.get(TransformsService);
    const compiled = service.compileTransformations([{ path: 'transformations', rules: [{ name: 'd', type: 'jsonpath_drop', enabled: true, path: '$.user' }] }]);
    const body: Record<string, unknown> = { model: 'gpt-4', user: 'alice' };
    service.applyTransformations(body, compiled);
    expect(body).toEqual({ model: 'gpt-4' });
    await moduleRef.close();
  });
});
