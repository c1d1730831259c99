import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Knows every open connection and whether it has a request in flight, so a shutdown can close idle
 * connections at once (keep-alive ones, and those that never sent a request, which Node's own
 * closeIdleConnections leaves open) while busy ones finish their response first.
 */
export class ConnectionDrainer {
  private readonly inFlight = new Map<Socket, number>();
  private draining = false;

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.inFlight.set(socket, 0);
      socket.once('close', () => this.inFlight.delete(socket));
    });
    server.on('request', (request, response) => {
      const socket: Socket = request.socket;
      this.inFlight.set(socket, (this.inFlight.get(socket) ?? 0) + 1);
      response.once('close', () => {
        const left = (this.inFlight.get(socket) ?? 1) - 1;
        this.inFlight.set(socket, left);
        if (this.draining && left === 0) socket.destroySoon();
      });
    });
  }

  /** Closes idle connections now, and each busy one as soon as its last response ends. */
  drain(): void {
    this.draining = true;
    for (const [socket, count] of this.inFlight) if (count === 0) socket.destroy();
  }

  /** Closes everything still open (the grace period is over). */
  closeAll(): void {
    for (const socket of this.inFlight.keys()) socket.destroy();
  }

  get openConnections(): number {
    return this.inFlight.size;
  }
}
