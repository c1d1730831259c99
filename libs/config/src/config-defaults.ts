// Defaults for keys the file may omit, in the file's units (seconds, megabytes).
export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8000,
  logRequests: false,
  logResponses: false,
  maskApiKeys: true,
  bodyLimitMb: 32,
  timeoutSeconds: 60,
  connectTimeoutSeconds: 10,
  sslVerify: true,
  forwardClientCredentials: false,
  maxRetries: 3,
  retryStatusCodes: [429, 500, 502, 503, 504],
  backoffFactor: 2,
  initialDelaySeconds: 1,
  maxDelaySeconds: 60,
  transformationEnabled: true,
} as const;
