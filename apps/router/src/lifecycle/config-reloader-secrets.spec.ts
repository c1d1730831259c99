import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@llm-router/config';
import { GotTransport } from '@llm-router/http';
import { CaptureStream, createLogger, SecretMasker } from '@llm-router/logging';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientRedactor } from '../redaction/client-redactor.js';
import { configuredSecrets } from '../redaction/configured-secrets.js';
import { buildRoutes } from '../routing/build-routes.js';
import { createProviderRegistry } from '../routing/provider-registry.js';
import { RouteTable } from '../routing/route-table.js';
import { ConfigReloader } from './config-reloader.js';

const OLD_KEY = 'old-router-key-0123456789';
const NEW_KEY = 'new-router-key-9876543210';

describe('ConfigReloader and secrets', () => {
  it('rebuilds the client redactor and the log masker with the new (and the old) secrets', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'reload-secrets-')), 'config.yaml');
    const write = (key: string) => writeFileSync(path, `models:\n  m:\n    provider: openai\n    endpoint: http://127.0.0.1:9/v1\n    api_key: ${key}\n`);
    write(OLD_KEY);
    const config = loadConfig(path, { env: {} });
    const masker = new SecretMasker({ secrets: configuredSecrets(config) });
    const destination = new CaptureStream();
    const logger = createLogger({ masker, destination });
    const providers = createProviderRegistry((headers) => headers);
    const http = new GotTransport();
    const redactor = new ClientRedactor(config);
    const reloader = new ConfigReloader(config, new RouteTable(buildRoutes(config, providers, http)), providers, http, logger, redactor);

    write(NEW_KEY);
    expect(reloader.reload(path, { env: {} })).toBe(true);
    expect(redactor.current.redact(`${NEW_KEY} ${OLD_KEY}`)).toBe('[redacted] [redacted]');
    // No key pattern matches these keys: only the known secrets mask them.
    expect(masker.maskString(`key ${NEW_KEY} and ${OLD_KEY}`)).toBe('key new-rout...3210 and old-rout...6789');
    http.close();
  });
});
