/** Injection token of the router's Logger (pino). A string, so duplicated module copies still agree. */
export const ROUTER_LOGGER = 'ROUTER_LOGGER';

/** Injection token of RequestLogOptions. */
export const REQUEST_LOG_OPTIONS = 'ROUTER_REQUEST_LOG_OPTIONS';
