/**
 * How S3 writes an object key in its event notifications: form-encoded (`+` for a space, `%28` for `(`), the
 * slashes kept. The upload handler undoes exactly this, so the local S3's events and the tests' hand-made events
 * both use this one function.
 */

/** A key as S3 writes it in events: `incoming/a+b c.csv.gz` becomes `incoming/a%2Bb+c.csv.gz`. */
export function s3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');
}
