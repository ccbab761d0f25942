/** The bundled Online Retail sample, whole (gzipped) or sliced, for the delivery tests. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const SAMPLE_PATH = new URL('../../samples/online-retail-sample.csv.gz', import.meta.url);

/** The sample as stored: a gzipped CSV (Online Retail columns), 442 customers, Dec 2010 to Dec 2011. */
export const SAMPLE_GZ: Buffer = readFileSync(SAMPLE_PATH);

/** The header and the first `lines` lines of the sample, uncompressed. */
export function sampleSlice(lines: number): string {
  const text = gunzipSync(SAMPLE_GZ).toString('utf8');
  return `${text
    .split('\n')
    .slice(0, lines + 1)
    .join('\n')}\n`;
}
