/**
 * What request decoding learns about tool search (Anthropic's `defer_loading` tools and the
 * `tool_reference` blocks that load them), shared by the tools and messages decoders of one request.
 *
 * On Anthropic a tool with `defer_loading: true` is hidden from the model until a `tool_reference`
 * (inside a `tool_result`, answering a tool search) loads it. Other families have no such thing, so a
 * deferred tool is offered to them only once the conversation has loaded it: by a `tool_reference`, by
 * an earlier call of it, or by a `tool_choice` naming it.
 */
export interface ToolLoading {
  /** Every declared tool name (deferred or not): a `tool_reference` must name one of them. */
  readonly declared: ReadonlySet<string>;
  /** Declared with `defer_loading: true`. */
  readonly deferred: ReadonlySet<string>;
  /** Deferred tools the conversation has loaded so far. */
  readonly loaded: Set<string>;
}

export function toolLoading(declared: Iterable<string>, deferred: Iterable<string>): ToolLoading {
  return { declared: new Set(declared), deferred: new Set(deferred), loaded: new Set() };
}
