/**
 * What the delivery code needs from the outside world, as interfaces: the adapters implement them with the AWS
 * SDK (S3, SES) and Powertools, tests and the local run with the same adapters against local servers.
 */

export interface StoredObject {
  key: string;
  /** Without the quotes S3 puts around it, so that listings, reads and events compare equal. */
  etag: string;
  lastModified: Date;
  size: number;
}

/** Which version of an object a run means: the version id (versioned bucket) or, failing that, the ETag. */
export interface ObjectVersion {
  versionId?: string | undefined;
  etag?: string | undefined;
}

/** The data bucket. Keys are full object keys. */
export interface ObjectStore {
  readonly bucket: string;
  /**
   * The object's bytes as a stream; throws ObjectNotFoundError when it does not exist, or no longer in the
   * version asked for (deleted, or replaced when only the ETag identifies it).
   */
  readStream(key: string, version?: ObjectVersion): Promise<AsyncIterable<Uint8Array>>;
  /** The object as text, or null when it does not exist. */
  readText(key: string): Promise<{ text: string; etag: string } | null>;
  write(key: string, body: string | Uint8Array, contentType: string): Promise<void>;
  /** Creates the object only if no object has the key (S3 `IfNoneMatch: '*'`): its ETag, or null when one exists. */
  createIfAbsent(key: string, body: string, contentType: string): Promise<string | null>;
  /** Replaces the object only if its ETag is still `etag` (S3 `IfMatch`): the new ETag, or null when it changed. */
  replaceIfUnchanged(key: string, body: string, contentType: string, etag: string): Promise<string | null>;
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

/**
 * An image the HTML shows by Content-ID (`<img src="cid:revenue@segment-report">`), sent inside the message:
 * Gmail and Outlook drop `data:` URLs and SVG, and remote images wait for the reader's consent.
 */
export interface EmailInlineImage {
  /** The Content-ID without angle brackets, as the HTML's `cid:` references it. */
  cid: string;
  filename: string;
  contentType: 'image/png';
  content: Uint8Array;
}

/** Who an email is from, as the From header shows it: a display name beside the address SES sends from. */
export interface EmailSender {
  name: string;
  address: string;
}

export interface EmailMessage {
  from: EmailSender;
  to: readonly string[];
  /** Where a reply goes (the Reply-To header); to the sender's address when absent. */
  replyTo?: readonly string[] | undefined;
  subject: string;
  html: string;
  text: string;
  attachments: readonly EmailAttachment[];
  /** Images the HTML references by `cid:`, kept with it in a multipart/related part; none when absent. */
  inlineImages?: readonly EmailInlineImage[] | undefined;
  /**
   * The RFC 5322 Message-ID, `<...@...>`, derived from the run's claim: two copies of one report carry the same
   * id, so a reader (and a mail client) can tell they are one. A fresh one when absent.
   */
  messageId?: string | undefined;
  /** The Date header: the run's clock, not the mail server's. */
  date?: Date | undefined;
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
