import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Logger as NestLogger } from '@nestjs/common';
import { SecretMasker } from '../masking/secret-masker.js';
import { CaptureStream } from './capture-stream.js';
import { createLogger } from './create-logger.js';
import { PinoLoggerService } from './pino-logger.service.js';

function setup(): { destination: CaptureStream; service: PinoLoggerService } {
  const destination = new CaptureStream();
  const logger = createLogger({ level: 'trace', masker: new SecretMasker({ secrets: ['nest-secret-0123456789'] }), destination });
  return { destination, service: new PinoLoggerService(logger) };
}

describe('PinoLoggerService', () => {
  it('maps Nest levels and reads the trailing context', () => {
    const { destination, service } = setup();
    service.log('Nest application successfully started', 'NestApplication');
    service.warn('careful');
    service.debug('details', 'Ctx');
    service.verbose('chatty', 'Ctx');
    service.fatal('dead', 'Ctx');
    expect(destination.records().map(({ level, msg, context }) => ({ level, msg, context }))).toEqual([
      { level: 'info', msg: 'Nest application successfully started', context: 'NestApplication' },
      { level: 'warn', msg: 'careful', context: undefined },
      { level: 'debug', msg: 'details', context: 'Ctx' },
      { level: 'trace', msg: 'chatty', context: 'Ctx' },
      { level: 'fatal', msg: 'dead', context: 'Ctx' },
    ]);
  });

  it('tells stacks from contexts in error()', () => {
    const { destination, service } = setup();
    const stack = 'Error: boom\n    at somewhere (file.js:1:1)';
    service.error('boom', stack, 'ExceptionsHandler');
    service.error('boom', stack);
    service.error('boom', 'OnlyContext');
    service.error('boom', undefined, 'Padded');
    expect(destination.records().map(({ msg, stack: s, context, params }) => ({ msg, stack: s, context, params }))).toEqual([
      { msg: 'boom', stack, context: 'ExceptionsHandler', params: undefined },
      { msg: 'boom', stack, context: undefined, params: undefined },
      { msg: 'boom', stack: undefined, context: 'OnlyContext', params: undefined },
      { msg: 'boom', stack: undefined, context: 'Padded', params: undefined },
    ]);
  });

  it('logs Errors and objects, masked', () => {
    const { destination, service } = setup();
    service.error(new Error('bad key nest-secret-0123456789'));
    service.log({ key: 'value', apiKey: 'sk-abcdefghijklmnop' }, 'Ctx');
    expect(destination.text).not.toContain('nest-secret-0123456789');
    expect(destination.text).not.toContain('sk-abcdefghijklmnop');
    const [error, object] = destination.records();
    expect(error).toMatchObject({ level: 'error', msg: 'bad key nest-sec...6789' });
    expect(object).toMatchObject({ level: 'info', context: 'Ctx', data: { key: 'value', apiKey: 'sk-abcde...mnop' } });
  });

  it('setLogLevels filters Nest messages only, not the shared logger', () => {
    const destination = new CaptureStream();
    const logger = createLogger({ masker: new SecretMasker(), destination });
    const service = new PinoLoggerService(logger);
    service.setLogLevels(['error', 'warn']);
    service.log('hidden');
    service.warn('shown');
    logger.info('request line');
    service.setLogLevels([]);
    service.error('silenced');
    expect(destination.records().map((line) => line['msg'])).toEqual(['shown', 'request line']);
  });

  it("serves as Nest's Logger", () => {
    const { destination, service } = setup();
    NestLogger.overrideLogger(service);
    try {
      new NestLogger('RoutesResolver').log('Mapped {/v1/chat/completions, POST} route');
    } finally {
      NestLogger.overrideLogger(false);
    }
    expect(destination.records()).toEqual([
      expect.objectContaining({ level: 'info', msg: 'Mapped {/v1/chat/completions, POST} route', context: 'RoutesResolver' }),
    ]);
  });
});
