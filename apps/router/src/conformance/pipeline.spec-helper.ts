import type { EncodedRequest, IrRequest, TranslationContext } from '@llm-router/core';
import { irStreamTranslator } from '../routing/ir-stream-translator.js';
import { conformanceContext } from './conformance-context.spec-helper.js';
import { clientCodec, UPSTREAM_MODELS, upstreamCodec, type Pair } from './families.spec-helper.js';
import { oddChunks } from './odd-chunks.spec-helper.js';

// The three directions of one translated pair, wired as RouterService.translate wires them, minus the
// I/O: client decodeRequest -> upstream encodeRequest; upstream decodeResponse -> client encodeResponse;
// upstream stream decoder -> client stream encoder (through the app's own irStreamTranslator).

export interface TranslatedRequest {
  ir: IrRequest;
  encoded: EncodedRequest;
  context: TranslationContext;
}

/** A client request body as the upstream receives it. The body is cloned: decoders must not rely on owning it. */
export function translateRequest({ client, upstream }: Pair, body: unknown): TranslatedRequest {
  const context = conformanceContext(UPSTREAM_MODELS[upstream]);
  const ir = clientCodec(client).decodeRequest(structuredClone(body), context);
  const encoded = upstreamCodec(upstream).encodeRequest(ir, context);
  return { ir, encoded, context };
}

/**
 * A complete upstream answer as the client receives it. Like the app, the IR answer's `model` is replaced
 * by the name the client asked for before encoding (the decoders report the upstream's).
 */
export function translateResponse({ client, upstream }: Pair, clientModel: string, upstreamBody: unknown, request?: IrRequest): unknown {
  const context = conformanceContext(UPSTREAM_MODELS[upstream]);
  const answer = upstreamCodec(upstream).decodeResponse(structuredClone(upstreamBody), context);
  return clientCodec(client).encodeResponse({ ...answer, model: clientModel }, request);
}

export interface StreamOptions {
  clientModel: string;
  /** The client asked for usage in the stream (OpenAI `stream_options.include_usage`). */
  includeUsage: boolean;
  /** The decoded client request, as the app hands it to the client's encoder (StreamEncoderOptions.request). */
  request?: IrRequest;
  /** Feed the upstream bytes in one piece instead of small odd-sized chunks. */
  whole?: boolean;
}

/**
 * An upstream stream as the client receives it: the bytes pushed in small odd-sized chunks, then the end
 * of the body, as RouterService's stream pump does (nothing is read once the translator says it ended).
 */
export function translateStream({ client, upstream }: Pair, upstreamBytes: Buffer, options: StreamOptions): string {
  const context = conformanceContext(UPSTREAM_MODELS[upstream]);
  const translator = irStreamTranslator(
    upstreamCodec(upstream).createStreamDecoder(context),
    clientCodec(client).createStreamEncoder({ includeUsage: options.includeUsage, request: options.request }),
    options.clientModel,
  );
  let text = '';
  for (const chunk of options.whole === true ? [upstreamBytes] : oddChunks(upstreamBytes)) {
    const out = translator.push(chunk);
    text += out.text;
    if (out.ended) return text;
  }
  return text + translator.end().text;
}
