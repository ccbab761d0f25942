/** S3 `ObjectCreated` notifications as S3 sends them: keys URL-encoded, spaces as `+`. */
import { s3EventKey } from '../../local/s3-event-key.ts';

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
