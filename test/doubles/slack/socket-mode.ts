// Socket Mode, served on the API server's /socket-mode path (the URL apps.connections.open returns):
// the app connects, the double says hello, then sends envelopes {envelope_id, type, payload,
// accepts_response_payload}; the app acks each with {envelope_id, payload} on the same socket.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketEnvelope {
  type: 'slash_commands' | 'interactive' | 'events_api';
  payload: unknown;
  retry_attempt?: number;
  retry_reason?: string;
}

export class SocketHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly acks = new Map<string, (payload: Record<string, unknown>) => void>();
  private readonly appId: string;

  constructor(server: Server, appId: string) {
    this.appId = appId;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!(req.url ?? '').startsWith('/socket-mode')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  get connections(): number {
    return this.sockets.size;
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let msg: { envelope_id?: string; payload?: Record<string, unknown> };
      try {
        msg = JSON.parse(String(data)) as typeof msg;
      } catch {
        return;
      }
      const resolve = msg.envelope_id ? this.acks.get(msg.envelope_id) : undefined;
      if (!resolve || !msg.envelope_id) return;
      this.acks.delete(msg.envelope_id);
      resolve(msg.payload ?? {});
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: this.sockets.size, debug_info: { host: 'slack-double', approximate_connection_time: 3600 }, connection_info: { app_id: this.appId } }));
  }

  /** Sends an envelope to the connected app; resolves with its ack payload ({} for a bare ack()). */
  send(envelope: SocketEnvelope, timeoutMs = 3000): Promise<Record<string, unknown>> {
    const ws = [...this.sockets].at(-1);
    if (!ws) return Promise.reject(new Error('Slack double: no Socket Mode connection (start the app with an app token first)'));
    const envelope_id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(envelope_id);
        reject(new Error(`Slack double: the app did not ack ${envelope.type} ${envelope_id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.acks.set(envelope_id, (payload) => {
        clearTimeout(timer);
        resolve(payload);
      });
      ws.send(JSON.stringify({ envelope_id, accepts_response_payload: envelope.type !== 'events_api', ...envelope }));
    });
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    this.wss.close();
  }
}
