// Defaults for the access blocks, in the file's units (seconds).
export const ACCESS_DEFAULTS = {
  store: 'memory',
  onError: 'fail_closed',
  /** A state store that does not answer within 100 ms counts as down for that request. */
  stateTimeoutSeconds: 0.1,
  /** Unsettled reservations and in-flight leases lapse after 10 minutes (a crashed replica leaks nothing longer). */
  reservationTtlSeconds: 600,
  memoryMaxKeys: 100_000,
  keyFromClaim: 'sub',
  clockToleranceSeconds: 30,
  jwksCacheMaxAgeSeconds: 600,
  jwksCooldownSeconds: 30,
  jwksTimeoutSeconds: 5,
} as const;
