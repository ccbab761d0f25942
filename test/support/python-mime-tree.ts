/**
 * A message's MIME tree as Python's `email` package (modern policy) reads it: each part's content type, its
 * Content-ID and disposition, and its decoded bytes. An independent reader of the structure, where
 * python-email.ts gives the content a mail client shows.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SYSTEM_PYTHON } from '../../tools/reference-python.ts';

export interface PythonMimePart {
  contentType: string;
  /** The Content-ID header as written (with its angle brackets), or null. */
  contentId: string | null;
  disposition: string | null;
  filename: string | null;
  /** The decoded body of a leaf part; empty for a multipart. */
  bytes: Buffer;
  parts: PythonMimePart[];
}

const READ_TREE = `
import base64, email, email.policy, json, sys
with open(sys.argv[1], 'rb') as file:
    message = email.message_from_binary_file(file, policy=email.policy.default)
def tree(part):
    multipart = part.is_multipart()
    return {
        'contentType': part.get_content_type(),
        'contentId': part['content-id'],
        'disposition': part.get_content_disposition(),
        'filename': part.get_filename(),
        'base64': '' if multipart else base64.b64encode(part.get_payload(decode=True) or b'').decode('ascii'),
        'parts': [tree(child) for child in part.iter_parts()] if multipart else [],
        'defects': [type(defect).__name__ for defect in part.defects],
    }
print(json.dumps(tree(message)))
`;

interface RawPart extends Omit<PythonMimePart, 'bytes' | 'parts'> {
  base64: string;
  parts: RawPart[];
  defects: string[];
}

/** Parses the .eml at `file`; rejects when Python cannot read it or finds a defect in any part. */
export async function readMimeTreeWithPython(file: string): Promise<PythonMimePart> {
  const { stdout } = await promisify(execFile)(SYSTEM_PYTHON, ['-c', READ_TREE, file], {
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const convert = ({ base64, parts, defects, ...part }: RawPart): PythonMimePart => {
    if (defects.length > 0)
      throw new Error(`Python found defects in a ${part.contentType} part: ${defects.join(', ')}`);
    return { ...part, bytes: Buffer.from(base64, 'base64'), parts: parts.map(convert) };
  };
  return convert(JSON.parse(stdout) as RawPart);
}

/** Every part of the tree, depth first, the root first. */
export function allParts(part: PythonMimePart): PythonMimePart[] {
  return [part, ...part.parts.flatMap(allParts)];
}
