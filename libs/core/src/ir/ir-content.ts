/**
 * The neutral intermediate representation (IR) of content. Owned by us, versioned by us: every API
 * family decodes its wire format into these types and encodes from them. What the IR does not model
 * is either carried in `IrRequest.extras` or refused with a 400 by the codec.
 */

export type IrImageSource =
  | { kind: 'url'; url: string }
  | { kind: 'base64'; mediaType: string; data: string };

export interface IrTextPart {
  type: 'text';
  text: string;
}

export interface IrImagePart {
  type: 'image';
  source: IrImageSource;
}

/** A document (PDF or plain text) given to the model. */
export interface IrDocumentPart {
  type: 'document';
  source: { kind: 'base64'; mediaType: string; data: string } | { kind: 'url'; url: string } | { kind: 'text'; text: string };
  title?: string;
}

/** A tool call made by the assistant. `arguments` is always a parsed JSON object. */
export interface IrToolCallPart {
  type: 'tool_call';
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** The result of a tool call, sent back by the client. `toolName` is known when the history says it. */
export interface IrToolResultPart {
  type: 'tool_result';
  toolCallId: string;
  toolName?: string;
  content: Array<IrTextPart | IrImagePart>;
  isError: boolean;
}

/** Model reasoning. `signature` is only ever an Anthropic-issued one; never invent it. */
export interface IrThinkingPart {
  type: 'thinking';
  text: string;
  signature?: string;
}

export interface IrRedactedThinkingPart {
  type: 'redacted_thinking';
  data: string;
}

export type IrPart =
  | IrTextPart
  | IrImagePart
  | IrDocumentPart
  | IrToolCallPart
  | IrToolResultPart
  | IrThinkingPart
  | IrRedactedThinkingPart;

export interface IrMessage {
  role: 'user' | 'assistant';
  parts: IrPart[];
}
