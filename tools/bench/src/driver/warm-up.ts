import { openaiChat } from '../setup/requests.js';
import { closedLoop } from './closed-loop.js';

/**
 * Runs every request kind through a freshly started router for a few seconds, so that measurements
 * see the JIT-compiled steady state (the first thousands of requests cost several times more).
 */
export async function warmUp(origin: string, secondsEach = 2): Promise<void> {
  for (const model of ['bench-openai', 'bench-anthropic']) {
    for (const stream of [false, true]) {
      await closedLoop(openaiChat(origin, model, stream), 16, secondsEach, [], { warmup: false });
    }
  }
}
