import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from '../logger/create-logger.js';
import { PinoLoggerService } from '../logger/pino-logger.service.js';
import { RequestLog, type RequestLogOptions } from '../request/request-log.js';
import { LoggingInterceptor } from './logging.interceptor.js';
import { REQUEST_LOG_OPTIONS, ROUTER_LOGGER } from './logging.tokens.js';

export interface LoggingModuleOptions extends RequestLogOptions {
  /** Made by createLogger (RequestLog masks with its SecretMasker). */
  logger: Logger;
}

/**
 * Global module providing the logger (token ROUTER_LOGGER), RequestLog, LoggingInterceptor and
 * PinoLoggerService. The app still wires the two ends Nest cannot: `installRequestLogging(fastify,
 * app.get(RequestLog))` before `app.init()`, and `app.useGlobalInterceptors(app.get(LoggingInterceptor))`.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingModuleOptions): DynamicModule {
    const requestLogOptions: RequestLogOptions = { logRequests: options.logRequests, logResponses: options.logResponses };
    return {
      module: LoggingModule,
      global: true,
      providers: [
        { provide: ROUTER_LOGGER, useValue: options.logger },
        { provide: REQUEST_LOG_OPTIONS, useValue: requestLogOptions },
        RequestLog,
        LoggingInterceptor,
        PinoLoggerService,
      ],
      exports: [ROUTER_LOGGER, RequestLog, LoggingInterceptor, PinoLoggerService],
    };
  }
}
