/**
 * A .eml read by Python's `email` package (the standard library's MIME reader, with the modern policy), as an
 * independent mail client would read it: the tests' own MIME reader shares the mailer's assumptions, this one
 * does not. Only the standard library is needed, from Debian's /usr/bin/python3 as the reference tests use.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SYSTEM_PYTHON } from '../../tools/reference-python.ts';

/** One address of an address header as a mail client shows it: the display name (empty when none), the address. */
export interface PythonAddress {
  name: string;
  address: string;
}

export interface PythonEmail {
  subject: string;
  /** The From and Reply-To headers' addresses (none when the header is absent). */
  from: PythonAddress[];
  replyTo: PythonAddress[];
  /** The text/plain body, decoded to text (line ends as `\n`), or null when there is none. */
  text: string | null;
  html: string | null;
  attachments: { filename: string | null; contentType: string; bytes: Buffer }[];
  /** What Python found wrong in the message's structure or encoding (none in a well-formed message). */
  defects: string[];
}

const READ_EMAIL = `
import base64, email, email.header, email.policy, email.utils, json, sys
with open(sys.argv[1], 'rb') as file:
    message = email.message_from_binary_file(file, policy=email.policy.default)
def content(preference):
    part = message.get_body(preferencelist=(preference,))
    return None if part is None else part.get_content()
def addresses(name):
    # From the raw header, each display name decoded as RFC 2047 says (the white space between two encoded
    # words ignored), as mail clients show it: the modern policy's address parser puts a space there.
    raw = [value for key, value in message.raw_items() if key.lower() == name]
    return [
        {'name': str(email.header.make_header(email.header.decode_header(display))), 'address': address}
        for display, address in email.utils.getaddresses(raw)
    ]
print(json.dumps({
    'subject': str(message['subject']),
    'from': addresses('from'),
    'replyTo': addresses('reply-to'),
    'text': content('plain'),
    'html': content('html'),
    'attachments': [
        {
            'filename': part.get_filename(),
            'contentType': part.get_content_type(),
            'base64': base64.b64encode(part.get_payload(decode=True) or b'').decode('ascii'),
        }
        for part in message.iter_attachments()
    ],
    'defects': [type(defect).__name__ for part in message.walk() for defect in part.defects],
}))
`;

/** Parses the .eml at `file` with Python; rejects when Python cannot read it. */
export async function readEmailWithPython(file: string): Promise<PythonEmail> {
  const { stdout } = await promisify(execFile)(SYSTEM_PYTHON, ['-c', READ_EMAIL, file], {
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(stdout) as Omit<PythonEmail, 'attachments'> & {
    attachments: { filename: string | null; contentType: string; base64: string }[];
  };
  return {
    ...parsed,
    attachments: parsed.attachments.map(({ base64, ...attachment }) => ({
      ...attachment,
      bytes: Buffer.from(base64, 'base64'),
    })),
  };
}
