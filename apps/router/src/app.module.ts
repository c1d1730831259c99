import { type DynamicModule, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ROUTER_CONFIG, RouterConfigModule, type RouterConfig } from '@llm-router/config';
import type { ProviderAdapter } from '@llm-router/core';
import { HeaderRulesModule } from '@llm-router/header-rules';
import { GotTransport } from '@llm-router/http';
import { LoggingInterceptor, LoggingModule, SecretMasker, type Logger } from '@llm-router/logging';
import { RetryModule } from '@llm-router/retry';
import { TransformsModule } from '@llm-router/transforms';
import { ACCESS_PROVIDERS } from './access/access.providers.js';
import { AnthropicController } from './anthropic/anthropic.controller.js';
import { EmbeddingsController } from './embeddings/embeddings.controller.js';
import { EmbeddingsService } from './embeddings/embeddings.service.js';
import { RouterExceptionFilter } from './errors/router-exception.filter.js';
import { HealthController } from './health/health.controller.js';
import { configHash } from './lifecycle/config-hash.js';
import { ConfigReloader } from './lifecycle/config-reloader.js';
import { ShutdownState } from './lifecycle/shutdown-state.js';
import { RouterMetrics } from './metrics/router-metrics.js';
import { OpenAIController } from './openai/openai.controller.js';
import { ClientRedactor } from './redaction/client-redactor.js';
import { configuredSecrets } from './redaction/configured-secrets.js';
import { buildRoutes } from './routing/build-routes.js';
import { ModelLookupGuard } from './routing/model-lookup.guard.js';
import { createProviderRegistry } from './routing/provider-registry.js';
import { RouteTable } from './routing/route-table.js';
import { RouterService } from './routing/router.service.js';
import { UpstreamSender } from './routing/upstream-sender.js';
import { RoutedRequests } from './fallback/routed-requests.js';
import { PROVIDERS, UPSTREAM_HTTP } from './routing/tokens.js';

export interface AppModuleOptions {
  config: RouterConfig;
  logger: Logger;
}

/** Closes the upstream connection pools when the app shuts down. */
class UpstreamPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(UPSTREAM_HTTP) private readonly http: GotTransport) {}
  onApplicationShutdown(): void {
    this.http.close();
  }
}

/**
 * The DI graph: the config, logging, retry, header-rules and transforms libs as modules; the provider
 * registry, the HTTP transport and the compiled route table as providers; the guard, the router
 * service, the exception filter and the logging interceptor.
 */
@Module({})
export class AppModule {
  static forRoot({ config, logger }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RouterConfigModule.forRoot(config),
        LoggingModule.forRoot({ logger, logRequests: config.server.logRequests, logResponses: config.server.logResponses }),
        RetryModule,
        HeaderRulesModule,
        TransformsModule,
      ],
      controllers: [OpenAIController, AnthropicController, HealthController, EmbeddingsController],
      providers: [
        { provide: UPSTREAM_HTTP, useFactory: () => new GotTransport() },
        UpstreamPoolCloser,
        {
          provide: PROVIDERS,
          useFactory: (routerConfig: RouterConfig, redactor: ClientRedactor) => {
            // Echo shows requests to whoever calls it: it masks credentials whatever mask_api_keys says,
            // and the router's own secrets (current ones: they change on reload) are redacted first, whole.
            const masker = new SecretMasker({ secrets: configuredKeys(routerConfig), enabled: true });
            return createProviderRegistry((headers) => masker.maskHeaders(redactor.current.redactHeaders(headers)));
          },
          inject: [ROUTER_CONFIG, ClientRedactor],
        },
        {
          provide: RouteTable,
          useFactory: (routerConfig: RouterConfig, providers: ReadonlyMap<string, ProviderAdapter>, http: GotTransport) =>
            new RouteTable(buildRoutes(routerConfig, providers, http), configHash(routerConfig)),
          inject: [ROUTER_CONFIG, PROVIDERS, UPSTREAM_HTTP],
        },
        ClientRedactor,
        ModelLookupGuard,
        RouterService,
        UpstreamSender,
        EmbeddingsService,
        RoutedRequests,
        ShutdownState,
        ConfigReloader,
        RouterMetrics,
        ...ACCESS_PROVIDERS,
        { provide: APP_FILTER, useClass: RouterExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: LoggingInterceptor },
      ],
    };
  }
}

/** Every secret in the config (api keys, header-rule values, endpoint userinfo): what the log, echo and clients must never see. */
export function configuredKeys(config: RouterConfig): string[] {
  return configuredSecrets(config);
}
