import { describe, expect, it } from '@jest/globals';
import { parseCliOptions } from './cli-options.js';

describe('parseCliOptions', () => {
  it('reads every flag', () => {
    expect(parseCliOptions(['--config', 'c.yaml', '--host', '0.0.0.0', '--port', '9000', '--reload'])).toEqual({
      config: 'c.yaml',
      host: '0.0.0.0',
      port: 9000,
      reload: true,
      watchConfig: false,
      help: false,
    });
    expect(parseCliOptions(['-h']).help).toBe(true);
    expect(parseCliOptions([])).toEqual({ config: undefined, host: undefined, port: undefined, reload: false, watchConfig: false, help: false });
    expect(parseCliOptions(['--watch-config']).watchConfig).toBe(true);
  });

  it('accepts port 0 (a free port) and refuses bad ports and unknown flags', () => {
    expect(parseCliOptions(['--port', '0']).port).toBe(0);
    expect(() => parseCliOptions(['--port', '70000'])).toThrow('--port: must be an integer between 0 and 65535');
    expect(() => parseCliOptions(['--port', 'x'])).toThrow('--port');
    expect(() => parseCliOptions(['--verbose'])).toThrow();
  });
});
