import { parseArgs } from 'node:util';

export interface CliOptions {
  config?: string;
  host?: string;
  port?: number;
  reload: boolean;
  /** Internal, set by the --reload supervisor: reload the config in-process when its file changes. */
  watchConfig: boolean;
  help: boolean;
}

/** Parses the router's flags. Throws an Error with a one-line message on a bad flag or value. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      config: { type: 'string', short: 'c' },
      host: { type: 'string' },
      port: { type: 'string', short: 'p' },
      reload: { type: 'boolean', default: false },
      'watch-config': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: must be an integer between 0 and 65535, got '${values.port}'`);
  }
  return { config: values.config, host: values.host, port, reload: values.reload ?? false, watchConfig: values['watch-config'] ?? false, help: values.help ?? false };
}

export const HELP_TEXT = `llm-router: one endpoint for OpenAI, Anthropic and Ollama models.

Usage: node dist/apps/router/main.js [options]

Options:
  -c, --config FILE  config file (default ./config.yaml, else the bundled config.example.yaml)
      --host HOST    listen address (beats LLM_ROUTER_SERVER_HOST and server.host)
  -p, --port PORT    listen port (beats LLM_ROUTER_SERVER_PORT and server.port; 0 picks a free one)
      --reload       reload the config when its file changes (no dropped requests), and restart
                     when the built code changes (development; nx serve uses it)
  -h, --help         show this help

Endpoints: POST /v1/chat/completions, POST /v1/completions, POST /v1/messages,
           GET /v1/models, GET /health
Signals: SIGTERM/SIGINT drain and exit 0; SIGHUP reloads the config (an invalid one is refused and logged).
Exit codes: 0 clean shutdown, 1 runtime failure, 2 invalid config or flags.
`;
