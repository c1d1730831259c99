import { RouterError } from '@llm-router/core';

/**
 * An upstream 401/403 against the key the router is configured with: the upstream's status, kind and
 * code are kept (an SDK shows an AuthenticationError / PermissionDeniedError as the provider meant it),
 * and the message says whose credentials were refused, then quotes the provider's reason, so the client
 * does not blame its own key and the operator sees why. Configured secrets the provider may quote are
 * redacted where errors leave for the client (sendRouterError), like every other error body.
 */
export function credentialsRefusedError(upstream: RouterError, provider: string, clientModel: string): RouterError {
  return new RouterError(
    upstream.kind,
    `The ${provider} upstream refused the router's configured credentials for model '${clientModel}' (HTTP ${upstream.status}): ${upstream.message}`,
    { status: upstream.status, provider, code: upstream.code, retryable: false },
  );
}
