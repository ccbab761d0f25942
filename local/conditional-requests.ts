/**
 * S3 honours `If-None-Match: *` and `If-Match: <etag>` on PutObject, and `If-Match` on GetObject and HeadObject
 * (412 Precondition Failed when the object's ETag is another); s3rver ignores them all, so two concurrent runs
 * could both claim the same run, and a read of a replaced object would get the new bytes. This Koa middleware for
 * s3rver checks the conditions, and writes under one lock per key, so the local stand-in gives the delivery code
 * the guarantees S3 gives it.
 */

/** The part of Koa's context that the local stack's s3rver middleware reads or writes. */
export interface KoaContext {
  method: string;
  path: string;
  query: Record<string, unknown>;
  status: number;
  type: string;
  body: unknown;
  get(header: string): string;
}

export type KoaMiddleware = (context: KoaContext, next: () => Promise<void>) => Promise<void>;

type Store = { getMetadata(bucket: string, key: string): Promise<{ etag: string }> };

/** The middleware, given s3rver's store (to read an object's current ETag, quoted as S3 quotes it). */
export function conditionalRequests(store: Store): KoaMiddleware {
  const locks = new Map<string, Promise<void>>();
  return async (context, next) => {
    const ifNoneMatch = context.get('if-none-match');
    const ifMatch = context.get('if-match');
    const [bucketName = '', ...keyParts] = context.path.slice(1).split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const etagNow = () =>
      store.getMetadata(bucketName, key).then(
        (metadata) => metadata.etag,
        () => null,
      );
    if ((context.method === 'GET' || context.method === 'HEAD') && ifMatch && key) {
      const etag = await etagNow();
      // A missing object is s3rver's to answer (404 NoSuchKey), as S3 does before any precondition.
      if (etag !== null && ifMatch !== '*' && unquoted(ifMatch) !== unquoted(etag)) {
        return preconditionFailed(context, 'If-Match');
      }
      return next();
    }
    if (context.method !== 'PUT' || (!ifNoneMatch && !ifMatch)) return next();
    const lockKey = `${bucketName}/${key}`;
    const previous = locks.get(lockKey) ?? Promise.resolve();
    let release = () => {};
    const current = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => current);
    locks.set(lockKey, chained);
    await previous;
    try {
      const etag = await etagNow();
      const holds = ifNoneMatch
        ? ifNoneMatch === '*'
          ? etag === null
          : etag !== ifNoneMatch
        : etag !== null && etag === ifMatch;
      if (!holds) return preconditionFailed(context, ifNoneMatch ? 'If-None-Match' : 'If-Match');
      await next();
    } finally {
      release();
      if (locks.get(lockKey) === chained) locks.delete(lockKey);
    }
  };
}

function preconditionFailed(context: KoaContext, condition: string): void {
  context.status = 412;
  context.type = 'application/xml';
  context.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>${condition}</Condition></Error>`;
}

function unquoted(etag: string): string {
  return etag.replace(/"/g, '');
}
