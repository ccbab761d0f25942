/**
 * The loopback proxy against a tiny upstream that records what reaches it: each action does what it says, seen
 * from both sides (what the upstream received, what the client got).
 */
import { type IncomingHttpHeaders, type Server, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LoopbackProxy, type ProxyHooks, startLoopbackProxy } from '../../local/loopback-proxy.ts';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Answered {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let upstream: Server;
let upstreamUrl: string;
let received: Received[];
let proxy: LoopbackProxy | undefined;

beforeAll(async () => {
  // Echoes the request; `/missing` is refused (404); HEAD says the object is 1234 bytes, as S3's HeadObject does.
  upstream = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = incoming.url ?? '';
      received.push({ method: incoming.method ?? '', path, headers: incoming.headers, body });
      if (incoming.method === 'HEAD') return void outgoing.writeHead(200, { 'content-length': '1234' }).end();
      const status = path.startsWith('/missing') ? 404 : 200;
      outgoing.writeHead(status, { 'content-type': 'text/plain', 'x-upstream': 'yes' }).end(`echo ${body}`);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

beforeEach(() => {
  received = [];
});

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

async function through(hooks: ProxyHooks, target = upstreamUrl): Promise<string> {
  proxy = await startLoopbackProxy(target, hooks);
  return proxy.url;
}

/** One request on a fresh connection; rejects with the socket's error when no answer comes. */
function send(url: string, method = 'POST', path = '/things?x=1', body = 'hello'): Promise<Answered> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}${path}`, { method, agent: false, headers: { 'x-client': 'test' } });
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    outgoing.end(method === 'GET' || method === 'HEAD' ? undefined : body);
  });
}

/** Whether a promise is still pending after `ms` (a hanging request), without waiting longer. */
async function stillPendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const pending = Symbol('pending');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise((resolve) => (timer = setTimeout(() => resolve(pending), ms)));
  const first = await Promise.race([
    promise.then(
      () => 'settled',
      () => 'settled',
    ),
    waited,
  ]);
  clearTimeout(timer);
  return first === pending;
}

describe('forwarding', () => {
  it('passes the request on unchanged, Host included, and the answer back', async () => {
    const url = await through({});

    const answered = await send(url);

    expect(received).toEqual([
      expect.objectContaining({ method: 'POST', path: '/things?x=1', body: 'hello' }),
    ]);
    expect(received[0]?.headers).toMatchObject({ host: url.replace('http://', ''), 'x-client': 'test' });
    expect(answered).toMatchObject({ status: 200, body: 'echo hello', headers: { 'x-upstream': 'yes' } });
  });

  it("keeps a HEAD answer's Content-Length, the size of what a GET would return", async () => {
    const answered = await send(await through({}), 'HEAD', '/object');

    expect(answered.status).toBe(200);
    expect(answered.headers['content-length']).toBe('1234');
  });

  it('shows the hook each request with its body and the upstream answer', async () => {
    const seen: string[] = [];
    const url = await through({
      onUpstreamResponse: (req, res) => seen.push(`${req.method} ${req.body} -> ${res.status} ${res.body}`),
    });

    await send(url);

    expect(seen).toEqual(['POST hello -> 200 echo hello']);
  });

  it('drops the connection when the upstream is down, as the upstream itself would', async () => {
    const closed = await startLoopbackProxy(upstreamUrl);
    const deadUrl = closed.url;
    await closed.close();

    await expect(send(await through({}, deadUrl))).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('actions', () => {
  it('answer: the given answer, nothing forwarded', async () => {
    const url = await through({
      decide: () => ({ answer: 503, body: 'busy', headers: { 'retry-after': '1' } }),
    });

    const answered = await send(url);

    expect(answered).toMatchObject({ status: 503, body: 'busy', headers: { 'retry-after': '1' } });
    expect(received).toEqual([]);
  });

  it.each(['reset', 'refuse'] as const)('%s: no answer, nothing forwarded', async (action) => {
    const url = await through({ decide: () => action });

    await expect(send(url)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(received).toEqual([]);
  });

  it('forward then reset: the upstream got the request, the client no answer', async () => {
    const url = await through({ decide: () => ({ forwardThen: 'reset' }) });

    await expect(send(url)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(received.map((request) => request.body)).toEqual(['hello']);
  });

  it('forward then answer: the upstream got the request, the client the made-up answer', async () => {
    const url = await through({ decide: () => ({ forwardThen: { answer: 500, body: 'oops' } }) });

    expect(await send(url)).toMatchObject({ status: 500, body: 'oops' });
    expect(received).toHaveLength(1);
  });

  it('forward then ...: an upstream refusal is passed on, since the upstream did not accept', async () => {
    const url = await through({ decide: () => ({ forwardThen: 'reset' }) });

    expect(await send(url, 'GET', '/missing')).toMatchObject({ status: 404 });
  });

  it('hang: never answered, nothing forwarded, until the proxy closes', async () => {
    const url = await through({ decide: () => 'hang' });

    const answer = send(url);

    expect(await stillPendingAfter(answer, 300)).toBe(true);
    expect(received).toEqual([]);
    await proxy?.close();
    await expect(answer).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('forward then hang: the upstream got the request, its answer never comes', async () => {
    const url = await through({ decide: () => ({ forwardThen: 'hang' }) });

    const answer = send(url);

    expect(await stillPendingAfter(answer, 300)).toBe(true);
    expect(received).toHaveLength(1);
    await proxy?.close();
    await expect(answer).rejects.toThrow();
  });

  it('a hook that throws: the client gets a 500 that says so', async () => {
    const url = await through({
      decide: () => {
        throw new Error('bad hook');
      },
    });

    expect(await send(url)).toMatchObject({ status: 500, body: 'loopback proxy: Error: bad hook' });
  });
});
