import { type DynamicModule, Module } from '@nestjs/common';
import { type RetryClock, systemRetryClock } from './retry-clock.js';
import { RETRY_CLOCK } from './retry-clock.token.js';
import { RetryService } from './retry.service.js';

/** Provides RetryService and RETRY_CLOCK (real timers). `forRoot({ clock })` swaps the clock. */
@Module({ providers: [{ provide: RETRY_CLOCK, useValue: systemRetryClock }, RetryService], exports: [RetryService, RETRY_CLOCK] })
export class RetryModule {
  static forRoot(options: { clock?: RetryClock } = {}): DynamicModule {
    return {
      module: RetryModule,
      providers: [{ provide: RETRY_CLOCK, useValue: options.clock ?? systemRetryClock }],
    };
  }
}
