/**
 * A small HTTP forwarding proxy on 127.0.0.1, in front of one local stand-in (s3rver, aws-ses-v2-local). The AWS
 * SDK clients are pointed at it instead of the stand-in; it forwards each request unchanged (the Host header too,
 * so SigV4 signatures still verify) and returns the stand-in's answer, buffered. Hooks see every request with its
 * body and every answer of the upstream, and may decide, per request, to do something else than forward: that is
 * how the local stack records the raw emails SES accepted and how the tests inject network faults.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ProxiedRequest,
  type UpstreamResponse,
  forward,
  readBody,
  relayedHeaders,
} from './http-forwarding.ts';

export type { ProxiedRequest, UpstreamResponse };

/** An answer made up by the proxy instead of (or in place of) the upstream's. */
export interface ProxyAnswer {
  answer: number;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * What the proxy does with one request. `reset`: the connection is closed without an answer, nothing forwarded
 * (the client sees "socket hang up"). `refuse`: a TCP reset, nothing forwarded, as from a host whose service is
 * down. `hang`: read, never forwarded, never answered until the proxy closes. `forwardThen`: forwarded, and once
 * the upstream has accepted it (2xx) the client gets a reset, a made-up answer, or nothing ever; an upstream
 * refusal is passed on as it is.
 */
export type ProxyAction =
  'forward' | 'reset' | 'refuse' | 'hang' | ProxyAnswer | { forwardThen: 'reset' | 'hang' | ProxyAnswer };

export interface ProxyHooks {
  /** Decides what happens to each request, its body read; every request is forwarded without this hook. */
  decide?(request: ProxiedRequest): ProxyAction | Promise<ProxyAction>;
  /** Sees each request the upstream answered and its answer, whatever the client is then given. */
  onUpstreamResponse?(request: ProxiedRequest, response: UpstreamResponse): void;
}

export interface LoopbackProxy {
  /** `http://127.0.0.1:<port>`: the endpoint to give the SDK clients. */
  url: string;
  /** Closes every connection (hanging ones included) and stops listening. */
  close(): Promise<void>;
}

/** Starts a proxy on a free port of 127.0.0.1 that forwards to `upstream` (e.g. `http://127.0.0.1:4568`). */
export async function startLoopbackProxy(upstream: string, hooks: ProxyHooks = {}): Promise<LoopbackProxy> {
  const target = new URL(upstream);
  const closing = new AbortController();
  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      // A hook that throws is a bug of the test or of the stack: say so to the client rather than hide it.
      if (outgoing.headersSent || outgoing.destroyed) return void incoming.socket.destroy();
      outgoing.writeHead(500, { 'content-type': 'text/plain' }).end(`loopback proxy: ${String(error)}`);
    });
  });

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const body = await readBody(incoming);
    if (body === null) return;
    const proxied = {
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers: incoming.headers,
      body,
    };
    const action = (await hooks.decide?.(proxied)) ?? 'forward';
    if (action === 'hang') return;
    if (action === 'reset') return void incoming.socket.destroy();
    if (action === 'refuse') return void incoming.socket.resetAndDestroy();
    if (typeof action === 'object' && 'answer' in action) return answer(outgoing, action);
    const response = await forward(target, proxied, closing.signal).catch(() => null);
    // The upstream is gone: the client sees the connection drop, as it would without the proxy.
    if (response === null) return void incoming.socket.destroy();
    hooks.onUpstreamResponse?.(proxied, response);
    const after = action === 'forward' || response.status >= 300 ? 'relay' : action.forwardThen;
    if (after === 'hang') return;
    if (after === 'reset') return void incoming.socket.destroy();
    if (after !== 'relay') return answer(outgoing, after);
    outgoing.writeHead(response.status, relayedHeaders(proxied.method, response)).end(response.body);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function answer(outgoing: ServerResponse, made: ProxyAnswer): void {
  const body = Buffer.from(made.body ?? '');
  outgoing.writeHead(made.answer, { ...made.headers, 'content-length': String(body.length) }).end(body);
}
