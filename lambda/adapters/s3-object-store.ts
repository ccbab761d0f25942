/** The data bucket through the real S3 client: streaming reads, conditional puts for claims, pre-signed links. */
import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type ObjectStore, type ObjectVersion, type StoredObject } from '../delivery/ports.ts';
import { ObjectNotFoundError } from '../errors/delivery-errors.ts';

export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async readStream(key: string, version: ObjectVersion = {}): Promise<AsyncIterable<Uint8Array>> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(version.versionId !== undefined
            ? { VersionId: version.versionId }
            : version.etag !== undefined
              ? { IfMatch: quoted(version.etag) }
              : {}),
        }),
      );
      if (!response.Body)
        throw new ObjectNotFoundError(`s3://${this.bucket}/${key}: empty response body`, { key });
      // In Node the body is a Readable stream: async-iterable, read as it arrives.
      return response.Body as unknown as AsyncIterable<Uint8Array>;
    } catch (error) {
      if (isNotFound(error))
        throw new ObjectNotFoundError(`s3://${this.bucket}/${key}: no such object`, { key });
      if (statusOf(error) === 412) {
        throw new ObjectNotFoundError(`s3://${this.bucket}/${key}: replaced by a newer upload`, { key });
      }
      throw error;
    }
  }

  async readText(key: string): Promise<{ text: string; etag: string } | null> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        text: (await response.Body?.transformToString('utf-8')) ?? '',
        etag: unquoted(response.ETag ?? ''),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async write(key: string, body: string | Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async createIfAbsent(key: string, body: string, contentType: string): Promise<string | null> {
    return this.conditionalPut({ Key: key, Body: body, ContentType: contentType, IfNoneMatch: '*' });
  }

  async replaceIfUnchanged(
    key: string,
    body: string,
    contentType: string,
    etag: string,
  ): Promise<string | null> {
    return this.conditionalPut({ Key: key, Body: body, ContentType: contentType, IfMatch: quoted(etag) });
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const objects: StoredObject[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key === undefined) continue;
        objects.push({
          key: item.Key,
          etag: unquoted(item.ETag ?? ''),
          lastModified: item.LastModified ?? new Date(0),
          size: item.Size ?? 0,
        });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects;
  }

  async signedDownloadUrl(key: string, expiresInSeconds: number): Promise<{ url: string; expires: Date }> {
    const url = await getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
    const requested = new Date(Date.now() + expiresInSeconds * 1000);
    const credentials = await this.client.config.credentials();
    const expires =
      credentials.expiration && credentials.expiration < requested ? credentials.expiration : requested;
    return { url, expires };
  }

  /** A put with a condition: the new ETag, or null when S3 answers 412 Precondition Failed (409: a concurrent write). */
  private async conditionalPut(input: {
    Key: string;
    Body: string;
    ContentType: string;
    IfNoneMatch?: string;
    IfMatch?: string;
  }): Promise<string | null> {
    try {
      const response = await this.client.send(new PutObjectCommand({ Bucket: this.bucket, ...input }));
      return unquoted(response.ETag ?? '');
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409) return null;
      throw error;
    }
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

/** S3 writes ETags in quotes in headers and listings, and without them in event notifications. */
export function unquoted(etag: string): string {
  return etag.replace(/^"(.*)"$/, '$1');
}

function quoted(etag: string): string {
  return `"${unquoted(etag)}"`;
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    (error instanceof S3ServiceException &&
      (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404))
  );
}
