import type { Provider } from '@nestjs/common';
import { AccessRefusalFilter } from './access-refusal.filter.js';
import { AccessGuard } from './access.guard.js';
import { AccessRuntime } from './access-runtime.js';

/** The access layer's providers, for AppModule: the runtime (policy, authenticator, limiter, store), its guard and filter. */
export const ACCESS_PROVIDERS: Provider[] = [AccessRuntime, AccessGuard, AccessRefusalFilter];
