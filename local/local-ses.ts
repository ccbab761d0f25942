/**
 * The local SES v2: aws-ses-v2-local on 127.0.0.1 with a free port, emails kept in memory, behind a loopback
 * proxy that keeps the raw bytes of every email it accepted (accepted-raw-emails.ts). The SDK client is pointed
 * at the proxy.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RawEmail, acceptedRawEmails } from './accepted-raw-emails.ts';
import { startLoopbackProxy } from './loopback-proxy.ts';

/** One email as aws-ses-v2-local keeps it (`GET /store`). */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { filename?: string; contentType: string; size: number; content: string }[];
  at: number;
}

export interface LocalSes {
  /** The recording proxy's address: every raw email sent through it is kept. */
  endpoint: string;
  /** The emails as the SES stand-in parsed them. */
  emails(): Promise<StoredEmail[]>;
  /** The exact bytes of every raw email SES accepted, in the order it accepted them. */
  rawMessages(): RawEmail[];
  /** The stand-in's rebuilt .eml of a received email (its own Date and Message-ID, not the bytes sent). */
  emlOf(messageId: string): Promise<string>;
  clearEmails(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the SES stand-in and its recording proxy. */
export async function startLocalSes(): Promise<LocalSes> {
  const ses = await startSesServer({ host: '127.0.0.1', port: 0 });
  const sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
  const accepted = acceptedRawEmails();
  const proxy = await startLoopbackProxy(sesUrl, accepted.hooks);
  return {
    endpoint: proxy.url,
    emails: async () => ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredEmail[] }).emails,
    rawMessages: accepted.messages,
    emlOf: async (messageId) => {
      // The server answers JSON: { messageId, fileName, body: <the .eml as a serialised Buffer> }.
      const response = await fetch(`${sesUrl}/get-emlContent?messageId=${encodeURIComponent(messageId)}`);
      const { body } = (await response.json()) as { body: { data: number[] } };
      return Buffer.from(body.data).toString('utf8');
    },
    clearEmails: async () => {
      accepted.clear();
      await fetch(`${sesUrl}/clear-store`, { method: 'POST' });
    },
    stop: async () => {
      await proxy.close();
      await new Promise<void>((resolve) => ses.close(() => resolve()));
    },
  };
}

type SesServerFactory = (config: { host: string; port: number }) => Promise<Server>;

/** aws-ses-v2-local is CommonJS with a `default` export; under tsx's ESM loader it arrives wrapped once more. */
async function startSesServer(config: { host: string; port: number }): Promise<Server> {
  const loaded = (await import('aws-ses-v2-local')) as unknown as {
    default: SesServerFactory | { default: SesServerFactory };
  };
  const factory = typeof loaded.default === 'function' ? loaded.default : loaded.default.default;
  return factory(config);
}
