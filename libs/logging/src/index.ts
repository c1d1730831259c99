// Public API of @llm-router/logging: secret masking, the masked pino logger, and one log line per request.
export { maskSecret } from './masking/mask-secret.js';
export { maskCredential } from './masking/mask-credential.js';
export { CREDENTIAL_NAMES } from './masking/credential-names.js';
export { SecretMasker, MIN_LITERAL_SECRET_LENGTH, MAX_MASK_DEPTH, NESTED_TOO_DEEP, type SecretMaskerOptions } from './masking/secret-masker.js';
export { SecretRedactor, REDACTED } from './masking/secret-redactor.js';
export { createLogger, maskerOf, type CreateLoggerOptions, type Logger } from './logger/create-logger.js';
export { PinoLoggerService } from './logger/pino-logger.service.js';
export { CaptureStream } from './logger/capture-stream.js';
export type { RequestRecord, RoutingAttemptLog, UpstreamRequestLog } from './request/request-record.js';
export { requestRecordOf } from './request/request-record-of.js';
export { resolveRequestId } from './request/request-id.js';
export { RequestLog, CLIENT_CLOSED_REQUEST, PROBE_PATHS, type RequestLogOptions, type RequestOutcome } from './request/request-log.js';
export { recordError } from './request/record-error.js';
export { describeError, MAX_CAUSE_DEPTH, type ErrorDetails, type ErrorCauseLog } from './request/describe-error.js';
export { installRequestLogging } from './request/install-request-logging.js';
export { LoggingInterceptor } from './nest/logging.interceptor.js';
export { LoggingModule, type LoggingModuleOptions } from './nest/logging.module.js';
export { ROUTER_LOGGER, REQUEST_LOG_OPTIONS } from './nest/logging.tokens.js';
