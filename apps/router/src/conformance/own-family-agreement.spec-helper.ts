import { expect } from '@jest/globals';
import type { ClientFormat } from '@llm-router/core';
import { clientFacts, type ClientFacts, type ToolCallFact } from './answer-facts.spec-helper.js';
import { clientAnswer, type AnswerScenario } from './scenarios.spec-helper.js';

const callsOf = (calls: ToolCallFact[]) => calls.map(({ name, arguments: args }) => ({ name, arguments: args }));

/**
 * The fixtures tell the same story in every family, so a translated answer must agree with the client
 * family's own answer for the scenario on what does not depend on the upstream: the tool calls (names and
 * object arguments; ids are the upstream's) and the stop reason. Texts and token counts differ between
 * the families' fixtures and are checked against the upstream's instead. No-op where the client family
 * has no fixture for the scenario (OpenAI reasoning).
 */
export function expectOwnFamilyAgrees(client: ClientFormat, scenario: AnswerScenario, facts: ClientFacts): void {
  const own = clientAnswer(client, scenario);
  if (own === undefined) return;
  const ownFacts = clientFacts(client, own);
  expect(callsOf(facts.toolCalls)).toEqual(callsOf(ownFacts.toolCalls));
  expect(facts.stopReason).toBe(ownFacts.stopReason);
}
