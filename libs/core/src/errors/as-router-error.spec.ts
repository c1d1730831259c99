import { describe, expect, it } from '@jest/globals';
import { asRouterError } from './as-router-error.js';
import { RouterError } from './router-error.js';

describe('asRouterError', () => {
  it('finds a RouterError itself or along the cause chain', () => {
    const inner = new RouterError('timeout', 'idle');
    expect(asRouterError(inner, 'x')).toBe(inner);
    expect(asRouterError(new Error('wrapped', { cause: new Error('mid', { cause: inner }) }), 'x')).toBe(inner);
  });

  it('wraps anything else as a bad_gateway with context', () => {
    const error = asRouterError(new Error('socket hang up'), 'upstream stream failed');
    expect(error).toMatchObject({ kind: 'bad_gateway', status: 502, message: 'upstream stream failed: socket hang up' });
  });
});
