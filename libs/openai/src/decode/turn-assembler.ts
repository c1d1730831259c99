import type { IrMessage, IrPart } from '@llm-router/core';

/**
 * Builds the IR conversation turn by turn, so that it alternates as every other family needs:
 * - turns without parts are left out;
 * - a turn of the same role as the one before is merged into it (consecutive `tool` messages and the
 *   user text after them become ONE user turn, §5.1, §6 #20);
 * - in each user turn the tool results come first, in order, then everything else in order (Anthropic
 *   wants the results at the start of the turn that follows the calls).
 */
export class TurnAssembler {
  private readonly turns: IrMessage[] = [];

  add(role: IrMessage['role'], parts: readonly IrPart[]): void {
    if (parts.length === 0) return;
    const last = this.turns.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else this.turns.push({ role, parts: [...parts] });
  }

  result(): IrMessage[] {
    return this.turns.map((turn) => {
      if (turn.role === 'assistant') return turn;
      const results = turn.parts.filter((part) => part.type === 'tool_result');
      const others = turn.parts.filter((part) => part.type !== 'tool_result');
      return { role: turn.role, parts: [...results, ...others] };
    });
  }
}
