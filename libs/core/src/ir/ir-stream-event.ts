import type { RouterError } from '../errors/router-error.js';
import type { IrStopReason, IrUsage } from './ir-response.js';

export type IrBlockStart =
  | { type: 'text' }
  | { type: 'tool_call'; id: string; name: string }
  | { type: 'thinking' }
  | { type: 'redacted_thinking'; data: string };

/**
 * One event of a streamed answer in neutral form. Grammar (what every decoder must produce and every
 * encoder may assume): start, then for each block `block_start`, its deltas, `block_stop`, with block
 * indexes 0,1,2... in start order; then exactly one `finish`. `error` may replace `finish` at any point
 * and ends the stream.
 */
export type IrStreamEvent =
  | { type: 'start'; id: string; model: string; created: number; usage?: Partial<IrUsage> }
  | { type: 'block_start'; index: number; block: IrBlockStart }
  | { type: 'text_delta'; index: number; text: string }
  | { type: 'tool_args_delta'; index: number; json: string }
  | { type: 'thinking_delta'; index: number; text: string }
  | { type: 'signature_delta'; index: number; signature: string }
  | { type: 'block_stop'; index: number }
  | { type: 'finish'; stopReason: IrStopReason; stopSequence?: string; usage: IrUsage }
  | { type: 'error'; error: RouterError };
