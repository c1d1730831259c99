import { describe, expect, it } from '@jest/globals';
import { SecretMasker } from '../masking/secret-masker.js';
import { CaptureStream } from './capture-stream.js';
import { createLogger, maskerOf } from './create-logger.js';

const CONFIGURED = 'cfg-secret-0123456789abcdef';

describe('createLogger', () => {
  it('masks every line: messages, fields, URLs, error messages and stacks', () => {
    const destination = new CaptureStream();
    const logger = createLogger({ masker: new SecretMasker({ secrets: [CONFIGURED] }), destination });
    logger.info({ url: `/v1/models?key=${CONFIGURED}`, nested: { note: `Bearer ${CONFIGURED}` } }, `calling with ${CONFIGURED}`);
    logger.error(new Error(`upstream rejected sk-live-0123456789abcdef and ${CONFIGURED}`));

    expect(destination.text).not.toContain(CONFIGURED);
    expect(destination.text).not.toContain('sk-live-0123456789abcdef');
    const [info, error] = destination.records();
    expect(info).toMatchObject({
      level: 'info',
      msg: 'calling with cfg-secr...cdef',
      url: '/v1/models?key=cfg-secr...cdef',
      nested: { note: 'Bearer cfg-secr...cdef' },
    });
    expect(error).toMatchObject({ level: 'error', msg: 'upstream rejected sk-live-...cdef and cfg-secr...cdef' });
    expect(JSON.stringify(error?.['err'])).toContain('sk-live-...cdef');
    expect(typeof info?.['time']).toBe('string');
  });

  it('writes raw lines when masking is disabled', () => {
    const destination = new CaptureStream();
    const logger = createLogger({ masker: SecretMasker.disabled(), destination });
    logger.info(`key ${CONFIGURED}`);
    expect(destination.records()[0]?.['msg']).toBe(`key ${CONFIGURED}`);
  });

  it('honours the level and ignores pretty when a destination is given', () => {
    const destination = new CaptureStream();
    const logger = createLogger({ level: 'warn', pretty: true, masker: new SecretMasker(), destination });
    logger.info('dropped');
    logger.warn('kept');
    expect(destination.records().map((line) => line['msg'])).toEqual(['kept']);
  });

  it('without pino-pretty (a production install), pretty output falls back to JSON and says so once', () => {
    const destination = new CaptureStream();
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'pino-pretty'"), { code: 'MODULE_NOT_FOUND' });
    };
    const logger = createLogger({ pretty: true, masker: new SecretMasker(), destination, resolvePretty: missing });
    logger.info('after');
    const lines = destination.records();
    expect(lines.map((line) => [line['level'], line['msg']])).toEqual([
      ['warn', 'pretty printing is unavailable (pino-pretty is not installed): logging JSON'],
      ['info', 'after'],
    ]);
    expect(lines[0]?.['reason']).toBe("Cannot find module 'pino-pretty'");
  });

  it('without pino-pretty and without a destination (stdout is a TTY in a container), it does not throw', () => {
    const missing = () => {
      throw new Error("Cannot find module 'pino-pretty'");
    };
    // level error: the fallback's warn line is not printed into the test run.
    expect(() => createLogger({ level: 'error', pretty: true, masker: new SecretMasker(), resolvePretty: missing })).not.toThrow();
  });

  it('rejects an unknown level', () => {
    expect(() => createLogger({ level: 'loud', masker: new SecretMasker(), destination: new CaptureStream() })).toThrow();
  });

  it('remembers its masker, for child loggers too', () => {
    const masker = new SecretMasker();
    const logger = createLogger({ masker, destination: new CaptureStream() });
    expect(maskerOf(logger)).toBe(masker);
    expect(maskerOf(logger.child({ component: 'x' }))).toBe(masker);
  });
});
