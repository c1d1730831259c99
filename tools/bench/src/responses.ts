import { compareScenarios, CONNECTIONS, runMain, type Scenario } from './driver/scenario-comparison.js';
import { openaiChat, openaiResponses } from './setup/requests.js';

/**
 * `npx nx run bench:responses [-- --rounds N --seconds N]`
 *
 * What the Responses API costs next to chat, on one router (logging off): the router's median CPU µs per
 * request at 32 connections for chat passthrough, Responses passthrough (`bench-openai`, `api: auto`: the
 * body forwarded to the mock's `/v1/responses`), and a Responses client translated to Anthropic
 * (`bench-anthropic`), each non-streamed and streamed, in interleaved rounds. The budgets:
 * Responses passthrough within 10% of chat passthrough; a translated Responses stream within 1.5x of the
 * Responses passthrough stream. Reported, not enforced.
 */

const SCENARIOS: Scenario[] = [
  { name: 'chat passthrough', request: (origin) => openaiChat(origin, 'bench-openai', false) },
  { name: 'responses passthrough', request: (origin) => openaiResponses(origin, 'bench-openai', false) },
  { name: 'responses → anthropic', request: (origin) => openaiResponses(origin, 'bench-anthropic', false) },
  { name: 'chat passthrough, streamed', request: (origin) => openaiChat(origin, 'bench-openai', true) },
  { name: 'responses passthrough, streamed', request: (origin) => openaiResponses(origin, 'bench-openai', true) },
  { name: 'responses → anthropic, streamed', request: (origin) => openaiResponses(origin, 'bench-anthropic', true) },
];

runMain(async () => {
  const run = await compareScenarios('responses', SCENARIOS);
  const report = [
    `Responses API cost, ${run.rounds} interleaved rounds of ${run.seconds} s at ${CONNECTIONS} connections (router CPU µs per request, median; each round in parentheses)`,
    '',
    ...run.table(),
    '',
    `- Responses passthrough / chat passthrough: ${run.verdict('responses passthrough', 'chat passthrough', 1.1)}; streamed ${run.verdict('responses passthrough, streamed', 'chat passthrough, streamed', 1.1)}`,
    `- translated Responses stream / Responses passthrough stream: ${run.verdict('responses → anthropic, streamed', 'responses passthrough, streamed', 1.5)}`,
  ].join('\n');
  process.stdout.write(`${report}\n`);
});
