import { describe, expect, it } from '@jest/globals';
import type { ClientCodec, IrResponse, IrStreamEvent, SendOptions, UpstreamRequest } from '@llm-router/core';
import { EchoProvider } from './echo-provider.js';

// A minimal codec that writes the IR as JSON: enough to see what echo hands to a real codec.
const jsonCodec: ClientCodec = {
  format: 'openai-chat',
  streamContentType: 'text/event-stream',
  inspect: () => ({ model: 'm', stream: false }),
  renderError: () => ({ status: 500, headers: {}, body: '{}' }),
  streamErrorFrame: () => '',
  passthroughFrame: (frame) => frame.raw,
  isTerminalFrame: () => false,
  isFinishFrame: () => false,
  isContentFrame: () => true,
  terminalFrame: '',
  isErrorFrame: () => false,
  decodeRequest: () => {
    throw new Error('echo never translates');
  },
  protocolHeaders: /^x-json-/,
  encodeResponse: (response: IrResponse) => response,
  createStreamEncoder: (options) => ({ encode: (event: IrStreamEvent) => `data: ${JSON.stringify({ event, options })}\n\n` }),
};

const provider = new EchoProvider({
  codecFor: () => jsonCodec,
  maskHeaders: (headers) => ({ ...headers, authorization: 'Bearer ****' }),
  newId: () => '42',
  now: () => 1_700_000_000_000,
});
const options: SendOptions = { connectTimeoutMs: 1, responseTimeoutMs: 1, idleTimeoutMs: 1, rejectUnauthorized: true };

function request(body: object, stream: boolean): UpstreamRequest {
  return {
    method: 'POST',
    url: provider.url('echo://local/', 'openai-chat'),
    headers: { authorization: 'Bearer sk-secret-secret-secret', 'x-added': 'yes' },
    body: Buffer.from(JSON.stringify(body)),
    format: 'openai-chat',
    stream,
  };
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

describe('EchoProvider', () => {
  it('answers with the request it was sent, headers masked, through the client codec', async () => {
    const response = await provider.send(request({ model: 'gpt-x', messages: [] }, false), options);
    expect(response.status).toBe(200);
    const ir = JSON.parse(await text(response.body)) as IrResponse;
    expect(ir).toMatchObject({ id: 'echo42', model: 'gpt-x', created: 1_700_000_000, stopReason: 'end_turn' });
    const part = ir.parts[0];
    const echoed = JSON.parse(part?.type === 'text' ? part.text : '{}') as Record<string, unknown>;
    expect(echoed).toEqual({
      method: 'POST',
      url: 'echo://local/v1/chat/completions',
      headers: { authorization: 'Bearer ****', 'x-added': 'yes' },
      body: { model: 'gpt-x', messages: [] },
    });
    expect(JSON.stringify(ir)).not.toContain('sk-secret');
  });

  it('streams the same answer as a complete event sequence, with usage when the client asked', async () => {
    const response = await provider.send(request({ model: 'gpt-x', stream: true, stream_options: { include_usage: true } }, true), options);
    expect(response.headers['content-type']).toBe('text/event-stream');
    const frames = (await text(response.body)).split('\n\n').filter(Boolean).map((f) => JSON.parse(f.slice(6)) as { event: IrStreamEvent; options: object });
    expect(frames[0]?.event.type).toBe('start');
    expect(frames.at(-1)?.event.type).toBe('finish');
    expect(frames.filter((f) => f.event.type === 'text_delta').length).toBeGreaterThan(3);
    expect(frames[0]?.options).toEqual({ includeUsage: true });
  });
});

describe('EchoProvider with a deeply nested body', () => {
  it('answers compact JSON instead of megabytes of indentation', async () => {
    const deep = `${'['.repeat(2_500)}${']'.repeat(2_500)}`;
    const body = Buffer.from(`{"model":"gpt-x","metadata":${deep}}`);
    const response = await provider.send({ ...request({}, false), body }, options);
    const answer = await text(response.body);
    expect(answer.length).toBeLessThan(body.length * 3);
  });
});
