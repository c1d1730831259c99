import { describe, expect, it } from '@jest/globals';
import { RouterError } from '@llm-router/core';
import { REDACTED, SecretRedactor } from '@llm-router/logging';
import type { StreamTranslator } from '../routing/stream-translator.js';
import { clientStreamTranslator } from './client-stream-translator.js';

const KEY = 'sk-router-key-0123456789';

/** A translator that forwards bytes as text and writes errors as `error: <message>`. */
const echoing: StreamTranslator = {
  push: (chunk) => ({ text: chunk.toString('utf8'), ended: false }),
  end: () => ({ text: `data: end ${KEY}\n\n`, ended: true }),
  fail: (error) => `error: ${error.message}\n\n`,
};

describe('clientStreamTranslator', () => {
  it('redacts every piece of text: frames, endings and error frames', () => {
    const translator = clientStreamTranslator(echoing, { redactor: new SecretRedactor([KEY]), provider: 'openai', model: 'm' });
    expect(translator.push(Buffer.from(`data: {"content":"${KEY}"}\n\n`)).text).toBe(`data: {"content":"${REDACTED}"}\n\n`);
    expect(translator.end().text).toBe(`data: end ${REDACTED}\n\n`);
    expect(translator.fail(new RouterError('api_error', `quoted ${KEY}`))).toBe(`error: quoted ${REDACTED}\n\n`);
  });

  it('names no internal address in the frame of a connection failure', () => {
    const translator = clientStreamTranslator(echoing, { redactor: SecretRedactor.NONE, provider: 'anthropic', model: 'claude' });
    const frame = translator.fail(new RouterError('timeout', 'upstream http://10.1.2.3:8080 sent nothing for 30s (stream idle timeout)'));
    expect(frame).toBe("error: The anthropic upstream for model 'claude' sent no content for longer than the stream idle timeout.\n\n");
  });

  it('passes text through untouched without secrets', () => {
    const translator = clientStreamTranslator(echoing, { redactor: SecretRedactor.NONE, provider: 'openai', model: 'm' });
    expect(translator.push(Buffer.from(`data: ${KEY}\n\n`)).text).toBe(`data: ${KEY}\n\n`);
  });
});
