import http from 'node:http';
import https from 'node:https';

export interface AgentPair {
  http: http.Agent;
  https: https.Agent;
}

export interface KeepAliveAgentOptions {
  /**
   * Sockets per upstream origin (Node pools per host:port inside one agent). Unlimited by default: an
   * LLM stream holds its socket for minutes, so a cap would queue new requests behind open streams
   * (invisibly, before any timeout starts). Upstreams enforce their own concurrency limits with 429s.
   */
  maxSockets?: number;
  /** Idle sockets kept per origin for reuse. */
  maxFreeSockets?: number;
  /** How long an idle pooled socket is kept, ms. Keep it below upstreams' own keep-alive timeouts. */
  freeSocketTimeoutMs?: number;
}

/**
 * Keep-alive connection pools shared by every request: one http agent, and one https agent per TLS
 * verification mode (an agent's `rejectUnauthorized` applies to all its sockets, so verified and
 * unverified upstreams must never share one). Created once at boot; `destroy()` at shutdown.
 */
export class KeepAliveAgents {
  private readonly options: Required<KeepAliveAgentOptions>;
  private readonly verified: AgentPair;
  private readonly unverified: AgentPair;

  constructor(options: KeepAliveAgentOptions = {}) {
    this.options = {
      maxSockets: options.maxSockets ?? Infinity,
      maxFreeSockets: options.maxFreeSockets ?? 64,
      freeSocketTimeoutMs: options.freeSocketTimeoutMs ?? 4_000,
    };
    const httpAgent = this.httpAgent();
    this.verified = { http: httpAgent, https: this.httpsAgent(true) };
    this.unverified = { http: httpAgent, https: this.httpsAgent(false) };
  }

  forVerification(rejectUnauthorized: boolean): AgentPair {
    return rejectUnauthorized ? this.verified : this.unverified;
  }

  destroy(): void {
    this.verified.http.destroy();
    this.verified.https.destroy();
    this.unverified.https.destroy();
  }

  private httpAgent(): http.Agent {
    const { maxSockets, maxFreeSockets, freeSocketTimeoutMs } = this.options;
    return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets, timeout: freeSocketTimeoutMs, scheduling: 'lifo' });
  }

  private httpsAgent(rejectUnauthorized: boolean): https.Agent {
    const { maxSockets, maxFreeSockets, freeSocketTimeoutMs } = this.options;
    return new https.Agent({
      keepAlive: true,
      maxSockets,
      maxFreeSockets,
      timeout: freeSocketTimeoutMs,
      scheduling: 'lifo',
      rejectUnauthorized,
    });
  }
}
