/**
 * An in-memory ObjectStore for the pure unit tests of the delivery code (claims, period input): the port's
 * contract, conditional writes included, without a server. Integration tests use the real S3 adapter instead.
 */
import { createHash } from 'node:crypto';
import { type ObjectStore, type ObjectVersion, type StoredObject } from '../../lambda/delivery/ports.ts';
import { ObjectNotFoundError } from '../../lambda/errors/delivery-errors.ts';

interface MemoryObject {
  body: Uint8Array;
  etag: string;
  lastModified: Date;
}

export class MemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, MemoryObject>();
  /** Every conditional write, in order: what the claims asked of the store. */
  readonly conditionalWrites: { key: string; condition: 'absent' | { etag: string }; written: boolean }[] =
    [];

  constructor(
    readonly bucket = 'memory-bucket',
    private readonly chunkSize = 64 * 1024,
  ) {}

  /** Puts an object as an uploader would, with the given modification time. */
  put(key: string, body: string | Uint8Array, lastModified = new Date()): void {
    const bytes = typeof body === 'string' ? new Uint8Array(Buffer.from(body, 'utf8')) : body;
    this.objects.set(key, {
      body: bytes,
      etag: createHash('md5').update(bytes).digest('hex'),
      lastModified,
    });
  }

  async readStream(key: string, version: ObjectVersion = {}): Promise<AsyncIterable<Uint8Array>> {
    const object = this.objects.get(key);
    if (!object) throw new ObjectNotFoundError(`s3://${this.bucket}/${key}: no such object`, { key });
    if (version.etag !== undefined && version.etag !== object.etag) {
      throw new ObjectNotFoundError(`s3://${this.bucket}/${key}: replaced by a newer upload`, { key });
    }
    const { body } = object;
    const size = this.chunkSize;
    return (async function* () {
      for (let offset = 0; offset < body.length; offset += size) yield body.subarray(offset, offset + size);
    })();
  }

  async readText(key: string): Promise<{ text: string; etag: string } | null> {
    const object = this.objects.get(key);
    return object ? { text: Buffer.from(object.body).toString('utf8'), etag: object.etag } : null;
  }

  async write(key: string, body: string | Uint8Array): Promise<void> {
    this.put(key, body);
  }

  async createIfAbsent(key: string, body: string): Promise<string | null> {
    const written = !this.objects.has(key);
    if (written) this.put(key, body);
    this.conditionalWrites.push({ key, condition: 'absent', written });
    return written ? (this.objects.get(key)?.etag ?? null) : null;
  }

  async replaceIfUnchanged(
    key: string,
    body: string,
    _contentType: string,
    etag: string,
  ): Promise<string | null> {
    const written = this.objects.get(key)?.etag === etag;
    if (written) this.put(key, body);
    this.conditionalWrites.push({ key, condition: { etag }, written });
    return written ? (this.objects.get(key)?.etag ?? null) : null;
  }

  async list(prefix: string): Promise<StoredObject[]> {
    return [...this.objects.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, object]) => ({
        key,
        etag: object.etag,
        lastModified: object.lastModified,
        size: object.body.length,
      }));
  }

  async signedDownloadUrl(key: string, expiresInSeconds: number): Promise<{ url: string; expires: Date }> {
    return {
      url: `memory://${this.bucket}/${key}?expires=${expiresInSeconds}`,
      expires: new Date(Date.now() + expiresInSeconds * 1000),
    };
  }
}
