import { Inject, Injectable } from '@nestjs/common';
import { ROUTER_CONFIG, type RouterConfig } from '@llm-router/config';
import { SecretRedactor } from '@llm-router/logging';
import { configuredSecrets } from './configured-secrets.js';

/**
 * The redactor for everything sent to clients, built from the config at boot and rebuilt by the
 * config reloader (`rebuild`, with the old and the new config's secrets), so a key added by a reload is never relayed either. Readers take
 * `current` per use: a request sees the old or the new set, never a half-built one.
 */
@Injectable()
export class ClientRedactor {
  private redactor: SecretRedactor;

  constructor(@Inject(ROUTER_CONFIG) config: RouterConfig) {
    this.redactor = new SecretRedactor(configuredSecrets(config));
  }

  get current(): SecretRedactor {
    return this.redactor;
  }

  /** Swaps in a redactor for `secrets` (see configuredSecrets), built before the swap. */
  rebuild(secrets: Iterable<string>): void {
    this.redactor = new SecretRedactor(secrets);
  }
}
