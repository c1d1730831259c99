import { startMockAnthropic, startMockOllama, startMockOpenAI, type MockUpstream, type RecordedRequest } from '@llm-router/testing';
import { startRouter, type RunningRouter } from './start-router.js';

/** Distinctive secrets: none may ever reach a client (the fuzz verdict searches every answer for them). */
export const FUZZ_SECRETS = {
  openaiKey: 'sk-fuzz-openai-upstream-key-5f1c9e7a2b',
  anthropicKey: 'sk-ant-fuzz-upstream-key-8d3b6a0c4e',
  ollamaKey: 'ollama-fuzz-upstream-key-2a7e9c1f5d',
  forcedHeader: 'fuzz-forced-header-secret-6b4d8f0a3c',
} as const;

/**
 * The router under fuzz: one model per upstream kind, each on a strict mock that demands the
 * configured key, and an echo model whose header rules force a credential (echo shows the request it
 * would send, credentials masked). Request and response logging are on, so the logging path is fuzzed too.
 *
 * If the router process dies, the next `url()` records the crash and starts a fresh one: a property
 * keeps a truthful oracle while fast-check shrinks, and the suite fails on any recorded crash.
 */
export class FuzzRouter {
  readonly crashes: string[] = [];
  /** Set by stop(): a property still running after its test timed out must not boot a router nobody stops. */
  private stopped = false;
  private router: RunningRouter | undefined;
  private restarting: Promise<RunningRouter> | undefined;
  /** Every router this harness started: stop() ends whichever still runs. */
  private readonly started: RunningRouter[] = [];
  private mocks: { openai: MockUpstream; anthropic: MockUpstream; ollama: MockUpstream } | undefined;

  async start(): Promise<void> {
    this.mocks = {
      openai: await startMockOpenAI({ apiKey: FUZZ_SECRETS.openaiKey }),
      anthropic: await startMockAnthropic({ apiKey: FUZZ_SECRETS.anthropicKey }),
      ollama: await startMockOllama({ apiKey: FUZZ_SECRETS.ollamaKey }),
    };
    this.router = await this.boot();
  }

  /** The router's base URL, restarting it first if it died (the crash is recorded). */
  async url(): Promise<string> {
    if (this.stopped) throw new Error('FuzzRouter already stopped');
    // A run that fast-check's time limit abandoned keeps going: it may be restarting the router right
    // now. Every caller waits for that one restart instead of starting a second router.
    if (this.restarting !== undefined) return (await this.restarting).url;
    const router = this.router;
    if (router === undefined) throw new Error('FuzzRouter not started');
    if (router.process.exitCode === null && router.process.signalCode === null) return router.url;
    this.crashes.push(`exit ${router.process.exitCode ?? router.process.signalCode}:\n${router.lines.slice(-15).join('\n')}`);
    this.restarting = this.boot().then((fresh) => {
      this.router = fresh;
      this.restarting = undefined;
      return fresh;
    });
    return (await this.restarting).url;
  }

  /** The admin listener (`/metrics`) of the router `url()` answers with, restarting it first if it died. */
  async adminUrl(): Promise<string> {
    await this.url();
    if (this.router === undefined) throw new Error('FuzzRouter not started');
    return this.router.adminUrl;
  }

  /**
   * Whether the router died of request `reqId`: waits (at most `boundMs`) for its per-request log line,
   * written when the response closes (the router logs after answering, so a crash while logging comes
   * after the answer and would otherwise be blamed on the next run). Undefined when it lives.
   */
  async diedOf(reqId: string, boundMs = 2_000): Promise<string | undefined> {
    const router = this.router;
    if (router === undefined) return undefined;
    const child = router.process;
    const deadline = Date.now() + boundMs;
    // A long log line (bodies are logged) can arrive in several chunks, which start-router splits into
    // several entries: look for the request line's end in the text after the last entry naming reqId.
    const logged = () => {
      const at = router.lines.findLastIndex((line) => line.includes(`"reqId":"${reqId}"`));
      return at !== -1 && router.lines.slice(at).join('').includes('"msg":"request"');
    };
    while (child.exitCode === null && child.signalCode === null && !logged() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    if (child.exitCode === null && child.signalCode === null) return undefined;
    // 'exit' can come before the last of stderr (the crash's stack trace) has been read.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const output = router.lines.slice(-60).filter((line) => !/^\s+at /.test(line) && line.trim() !== '');
    return `the router process exited (${child.exitCode ?? child.signalCode}) handling it; its last output (stack frames left out):\n${output.slice(-10).join('\n')}`;
  }

  /** Forgets what the mocks recorded (called before each fuzz request, so `upstreamRequests` is that request's). */
  resetMocks(): void {
    for (const mock of this.allMocks()) mock.reset();
  }

  /** The requests the mocks received since the last reset, with the mock's family. */
  upstreamRequests(): Array<{ upstream: string; request: RecordedRequest }> {
    const mocks = this.mocks;
    if (mocks === undefined) return [];
    return Object.entries(mocks).flatMap(([upstream, mock]) => mock.requests.map((request) => ({ upstream, request })));
  }

  private allMocks(): MockUpstream[] {
    return this.mocks === undefined ? [] : [this.mocks.openai, this.mocks.anthropic, this.mocks.ollama];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.restarting?.catch(() => undefined);
    await Promise.all(this.started.map((router) => router.stop()));
    await Promise.all([this.mocks?.openai.close(), this.mocks?.anthropic.close(), this.mocks?.ollama.close()]);
  }

  private async boot(): Promise<RunningRouter> {
    const router = await this.startOne();
    this.started.push(router);
    return router;
  }

  private startOne(): Promise<RunningRouter> {
    const mocks = this.mocks;
    if (mocks === undefined) throw new Error('mocks not started');
    const noRetry = { max_retries: 0 };
    return startRouter({
      config: {
        server: { log_requests: true, log_responses: true },
        models: {
          gpt: { provider: 'openai', endpoint: `${mocks.openai.origin}/v1`, api_key: FUZZ_SECRETS.openaiKey, retry_config: noRetry },
          claude: { provider: 'anthropic', endpoint: mocks.anthropic.origin, api_key: FUZZ_SECRETS.anthropicKey, retry_config: noRetry },
          llama: { provider: 'ollama', endpoint: mocks.ollama.origin, api_key: FUZZ_SECRETS.ollamaKey, retry_config: noRetry },
          echo: { provider: 'echo', header_rules: { force_headers: { Authorization: `Bearer ${FUZZ_SECRETS.forcedHeader}` } } },
        },
      },
    });
  }
}
