// The classics of malformed files: bytes of no text format, a 2 MiB quoted field, a quote that never closes, and
// a 10 MiB line with no line feed at the end.
import { ONLINE_RETAIL_HEADER } from '../../../tools/online-retail-log.ts';
import { createRandomSource } from './seeded-draws.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];

/** Bytes of no text format: a PNG signature, then seeded noise with NUL and control bytes. */
export function binaryBytes(): Buffer {
  const random = createRandomSource(137);
  const noise = Buffer.alloc(4096);
  for (let index = 0; index < noise.length; index++) noise[index] = Math.floor(random() * 256);
  return Buffer.concat([Buffer.from(PNG_SIGNATURE), noise]);
}

const FEW_RETAIL_LINES = [
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17851,United Kingdom',
  '536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2010-12-01 08:34:00,1.69,13047,United Kingdom',
];

/** An Online Retail-layout log whose fourth line has a quoted Description of 2 MiB (commas and quotes inside). */
export function hugeFieldCsv(): string {
  const piece = 'VERY LONG, "QUOTED" DESCRIPTION ';
  const description = piece.repeat(Math.ceil((2 * 1024 * 1024) / piece.length)).replace(/"/g, '""');
  const line = `536368,22960,"${description}",1,2010-12-01 08:35:00,4.25,13048,France`;
  return `${[ONLINE_RETAIL_HEADER, ...FEW_RETAIL_LINES, line, ...FEW_RETAIL_LINES].join('\n')}\n`;
}

/** A good log whose last line opens a quote that never closes (the file ends inside it). */
export function unterminatedQuoteCsv(): string {
  const last =
    '536399,85123A,"WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-02 09:00:00,2.55,17850,United Kingdom\n';
  return `${[ONLINE_RETAIL_HEADER, ...FEW_RETAIL_LINES].join('\n')}\n${last}`;
}

/** A header and two good lines, then a line of 10 MiB (no delimiter in it) and no newline at the end. */
export function longLineBytes(): Buffer {
  const head = `${[ONLINE_RETAIL_HEADER, ...FEW_RETAIL_LINES.slice(0, 2)].join('\n')}\n536370,`;
  return Buffer.concat([Buffer.from(head), Buffer.alloc(10 * 1024 * 1024, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')]);
}
