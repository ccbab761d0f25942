/**
 * What the delivery code needs from the outside world, as interfaces: the adapters implement them with the AWS
 * SDK (S3, SES) and Powertools, tests and the local run with the same adapters against local servers.
 */

export interface StoredObject {
  key: string;
  etag: string;
  lastModified: Date;
  size: number;
}

/** The data bucket. Keys are full object keys. */
export interface ObjectStore {
  readonly bucket: string;
  /** The object's bytes as a stream; throws ObjectNotFoundError when it does not exist. */
  readStream(key: string): Promise<AsyncIterable<Uint8Array>>;
  /** The object as text, or null when it does not exist. */
  readText(key: string): Promise<{ text: string; etag: string } | null>;
  write(key: string, body: string | Uint8Array, contentType: string): Promise<void>;
  /** Creates the object only if no object has the key (S3 `IfNoneMatch: '*'`); false when one exists. */
  createIfAbsent(key: string, body: string, contentType: string): Promise<boolean>;
  /** Replaces the object only if its ETag is still `etag` (S3 `IfMatch`); false when it changed. */
  replaceIfUnchanged(key: string, body: string, contentType: string, etag: string): Promise<boolean>;
  list(prefix: string): Promise<StoredObject[]>;
  /**
   * A time-limited download address, and when it really expires: a link signed with temporary credentials (a
   * Lambda role's) stops working when they expire, possibly before `expiresInSeconds`.
   */
  signedDownloadUrl(key: string, expiresInSeconds: number): Promise<{ url: string; expires: Date }>;
}

export interface EmailAttachment {
  filename: string;
  content: string | Uint8Array;
  contentType: string;
}

export interface EmailMessage {
  from: string;
  to: readonly string[];
  subject: string;
  html: string;
  text: string;
  attachments: readonly EmailAttachment[];
}

export interface Mailer {
  /** Sends one email; returns the provider's message id. */
  send(message: EmailMessage): Promise<string>;
}

/** Structured logs: a message and fields (counts, keys, timings; never customer data). */
export interface RunLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The store has no object under the key. */
export class ObjectNotFoundError extends Error {
  override name = 'ObjectNotFoundError';
}

/** The mail service answered with an error: the message was certainly not sent, so a retry may send it. */
export class EmailNotSentError extends Error {
  override name = 'EmailNotSentError';
}
