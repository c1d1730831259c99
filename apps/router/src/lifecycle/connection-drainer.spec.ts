import { afterEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { ConnectionDrainer } from './connection-drainer.js';

describe('ConnectionDrainer', () => {
  const servers: http.Server[] = [];
  afterEach(() => servers.splice(0).forEach((s) => s.close()));

  async function start(handler: http.RequestListener) {
    const server = http.createServer(handler);
    servers.push(server);
    const drainer = new ConnectionDrainer(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { server, drainer, port: (server.address() as AddressInfo).port };
  }

  const connect = (port: number) =>
    new Promise<net.Socket>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    });
  const closed = (socket: net.Socket) => new Promise<void>((r) => (socket.destroyed ? r() : socket.once('close', () => r())));

  it('closes a connection that never sent a request at once, and lets a busy one finish its response first', async () => {
    let finish!: () => void;
    const { drainer, port } = await start((_req, res) => {
      res.writeHead(200);
      res.write('first;');
      finish = () => res.end('last');
    });
    const idle = await connect(port);
    const busy = await connect(port);
    let received = '';
    busy.on('data', (c: Buffer) => (received += c.toString()));
    busy.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise<void>((r) => { const check = () => (received.includes('first;') ? r() : setTimeout(check, 5)); check(); });
    expect(drainer.openConnections).toBe(2);

    drainer.drain();
    await closed(idle);
    expect(busy.destroyed).toBe(false);
    finish();
    await closed(busy);
    expect(received).toContain('last');
  });
});
