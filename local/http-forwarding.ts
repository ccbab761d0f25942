/**
 * The HTTP mechanics of the loopback proxy: reading a request whole, sending it on to the upstream as it came,
 * and the headers of the upstream's answer once buffered. Both messages are buffered (the hooks see whole
 * bodies, and the stand-ins' messages are small), so each is re-framed with its own Content-Length.
 */
import { type IncomingHttpHeaders, type IncomingMessage, request } from 'node:http';

export interface ProxiedRequest {
  method: string;
  /** The path with its query string, as the client sent it. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection; the proxy frames each message itself.
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/** The whole request body, or null when the client went away before sending it. */
export async function readBody(incoming: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
  } catch {
    return null;
  }
  return Buffer.concat(chunks);
}

/** Sends the request to `target` as it came (Host included) and buffers the answer. */
export function forward(
  target: URL,
  proxied: ProxiedRequest,
  signal: AbortSignal,
): Promise<UpstreamResponse> {
  const headers = withoutHopByHop(proxied.headers);
  // The SDK may ask for `100-continue`; the body is already here, so it goes in one piece with its length.
  delete headers.expect;
  if (proxied.body.length > 0 || proxied.headers['content-length'] !== undefined) {
    headers['content-length'] = String(proxied.body.length);
  }
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method: proxied.method,
        path: proxied.path,
        headers,
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    if (proxied.body.length > 0) outgoing.end(proxied.body);
    else outgoing.end();
  });
}

/** The upstream's headers for the client; the length is the buffered body's, except where no body is sent. */
export function relayedHeaders(method: string, response: UpstreamResponse): IncomingHttpHeaders {
  const headers = withoutHopByHop(response.headers);
  // A HEAD answer's Content-Length is the object's size (HeadObject reads it), not the empty body's.
  if (method !== 'HEAD' && response.status !== 204 && response.status !== 304) {
    headers['content-length'] = String(response.body.length);
  }
  return headers;
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete kept[name];
  return kept;
}
