/** S3 `ObjectCreated` notifications as S3 sends them: keys URL-encoded, spaces as `+`. */

export function s3ObjectCreatedEvent(
  bucket: string,
  key: string,
  object: { eTag: string; size: number; versionId?: string },
): { Records: unknown[] } {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: '2025-03-05T09:00:00.000Z',
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key: s3EventKey(key), ...object },
        },
      },
    ],
  };
}

/** A key as S3 writes it in events: form-encoded (`+` for spaces, `%28` for `(`), the slashes kept. */
export function s3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');
}
