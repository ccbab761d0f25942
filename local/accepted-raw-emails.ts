/**
 * The exact bytes of every raw email the local SES accepted, keyed by the MessageId it answered. The stand-in
 * keeps emails parsed and rebuilds a .eml from them (its own Date and Message-ID, the attachments encoded
 * twice); the bytes the mailer sent are only seen on the wire, so the local stack's proxy in front of the SES
 * stand-in hands each exchange to this recorder.
 */
import type { ProxiedRequest, ProxyHooks, UpstreamResponse } from './loopback-proxy.ts';

export interface RawEmail {
  messageId: string;
  /** The MIME message as the mailer composed it (SES v2 `Content.Raw.Data`, base64 on the wire). */
  raw: Buffer;
}

/** SES v2 `SendEmail`: `POST /v2/email/outbound-emails`, JSON in and out. */
const SEND_EMAIL_PATH = '/v2/email/outbound-emails';

/** A recorder to hang on the SES proxy: `hooks` for the proxy, `messages()` in the order SES accepted them. */
export function acceptedRawEmails(): { hooks: ProxyHooks; messages(): RawEmail[]; clear(): void } {
  let accepted: RawEmail[] = [];
  const onUpstreamResponse = (request: ProxiedRequest, response: UpstreamResponse): void => {
    if (request.method !== 'POST' || request.path.split('?')[0] !== SEND_EMAIL_PATH) return;
    if (response.status < 200 || response.status >= 300) return;
    const raw = rawDataOf(request.body);
    const messageId = jsonOf(response.body)?.MessageId;
    // Simple and templated emails have no raw bytes to keep; the stand-in's store still has them.
    if (raw !== undefined && typeof messageId === 'string') accepted.push({ messageId, raw });
  };
  return {
    hooks: { onUpstreamResponse },
    messages: () => [...accepted],
    clear: () => {
      accepted = [];
    },
  };
}

function rawDataOf(body: Buffer): Buffer | undefined {
  const content = jsonOf(body)?.Content as { Raw?: { Data?: unknown } } | undefined;
  const data = content?.Raw?.Data;
  return typeof data === 'string' ? Buffer.from(data, 'base64') : undefined;
}

function jsonOf(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
