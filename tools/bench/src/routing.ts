import { compareScenarios, CONNECTIONS, runMain, type Scenario } from './driver/scenario-comparison.js';
import { openaiChat } from './setup/requests.js';
import { routedModel } from './setup/router-config.js';

/**
 * `npx nx run bench:routing [-- --rounds N --seconds N]`
 *
 * What routing costs when nothing fails: one router (logging off) with the bench's single-deployment
 * `bench-openai` and `bench-routed`, the same upstream as three weighted deployments plus a fallback model
 * (every request then goes through the attempt plan, the deployment choice and the stream hold-back until
 * the first content). The router's median CPU µs per request at 32 connections, non-streamed and streamed,
 * in interleaved rounds. The budget: within 5% of the single-deployment model. Reported, not enforced.
 */

const SCENARIOS: Scenario[] = [
  { name: 'single deployment', request: (origin) => openaiChat(origin, 'bench-openai', false) },
  { name: '3 deployments + fallback', request: (origin) => openaiChat(origin, 'bench-routed', false) },
  { name: 'single deployment, streamed', request: (origin) => openaiChat(origin, 'bench-openai', true) },
  { name: '3 deployments + fallback, streamed', request: (origin) => openaiChat(origin, 'bench-routed', true) },
];

runMain(async () => {
  const run = await compareScenarios('routing', SCENARIOS, routedModel);
  const report = [
    `Routing cost, ${run.rounds} interleaved rounds of ${run.seconds} s at ${CONNECTIONS} connections (router CPU µs per request, median; each round in parentheses)`,
    '',
    ...run.table(),
    '',
    `- routed / single, non-streamed: ${run.verdict('3 deployments + fallback', 'single deployment', 1.05)}`,
    `- routed / single, streamed: ${run.verdict('3 deployments + fallback, streamed', 'single deployment, streamed', 1.05)}`,
  ].join('\n');
  process.stdout.write(`${report}\n`);
});
