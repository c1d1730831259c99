/** An Anthropic message id: the upstream id with `msg_` prepended unless it already has it. */
export function ensureMessageId(id: string): string {
  return id.startsWith('msg_') ? id : `msg_${id}`;
}
