/**
 * A small reader of raw MIME, enough for the tests to see a message's structure: headers (unfolded), nested
 * multipart parts, and bodies decoded from base64, quoted-printable or 7bit.
 */

export interface MimePart {
  headers: Map<string, string>;
  body: string;
  parts: MimePart[];
}

export function parseMime(raw: string): MimePart {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => parseMime(part.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    : [];
  return { headers, body, parts };
}

export function headerOf(part: MimePart | undefined, name: string): string | undefined {
  return part?.headers.get(name.toLowerCase());
}

/** The part's body as bytes, its transfer encoding undone. */
export function decodedBody(part: MimePart | undefined): Buffer {
  if (!part) return Buffer.alloc(0);
  const encoding = (headerOf(part, 'content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const unfolded = part.body.replace(/=\r\n/g, '');
    const bytes: number[] = [];
    for (let index = 0; index < unfolded.length; index++) {
      const hex = unfolded.slice(index + 1, index + 3);
      if (unfolded[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        index += 2;
      } else {
        bytes.push(...Buffer.from(unfolded[index] ?? '', 'utf8'));
      }
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(part.body, 'utf8');
}
