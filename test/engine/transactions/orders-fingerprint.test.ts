/**
 * The content fingerprint of a transaction log (for the hold's duplicate check): the same orders give the same
 * fingerprint whatever the file's layout (line order, delimiter, column order, decimal commas, encoding), and one
 * order more, less or different gives another. Off unless asked.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../support/analyze-text.ts';
import { FRENCH_ERP } from '../../support/french-erp.ts';
import { ONLINE_RETAIL } from '../../../tools/real-data.ts';
import { analyzeFile } from '../../support/analyze-file.ts';

const fingerprintOf = async (content: string | Uint8Array) =>
  (await analyzeText(content, { fingerprint: true })).analysis.input.contentFingerprint;

/** The French export's orders written the English way, columns in another order, lines reversed. */
const SAME_ORDERS_ELSEWHERE = [
  'amount,date,customer,order',
  '99.90,2024-03-16,C3,F4',
  '8.00,2024-03-15,C1,F3',
  '1234.00,2024-02-02,C2,F2',
  '12.50,2024-02-01,C1,F1',
].join('\n');

describe('the content fingerprint', () => {
  it('is the same for the same orders in another layout, and counts the orders', async () => {
    const french = await fingerprintOf(FRENCH_ERP);
    expect(french).toMatch(/^4-[0-9a-f]{16}$/);
    expect(await fingerprintOf(SAME_ORDERS_ELSEWHERE)).toBe(french);
    // latin-1 bytes of the same French export (latin-1 has no euro sign: the amounts without it).
    expect(await fingerprintOf(Buffer.from(FRENCH_ERP.replaceAll(' €', ''), 'latin1'))).toBe(french);
  });

  it('differs when an order is missing, added, or has another customer, day or amount', async () => {
    const base = await fingerprintOf(SAME_ORDERS_ELSEWHERE);
    const lines = SAME_ORDERS_ELSEWHERE.split('\n');
    const variants = [
      lines.slice(0, -1),
      [...lines, '5.00,2024-03-20,C4,F5'],
      lines.map((line) => line.replace(',C3,', ',C9,')),
      lines.map((line) => line.replace('2024-03-16', '2024-03-17')),
      lines.map((line) => line.replace('99.90', '99.91')),
    ];
    const fingerprints = await Promise.all(variants.map((variant) => fingerprintOf(variant.join('\n'))));
    expect(new Set([base, ...fingerprints]).size).toBe(variants.length + 1);
  });

  it('is not computed unless asked', async () => {
    expect((await analyzeText(FRENCH_ERP)).analysis.input).not.toHaveProperty('contentFingerprint');
  });

  it('is the same for Online Retail and the same export with its lines reversed', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of createReadStream(ONLINE_RETAIL).pipe(createGunzip()))
      chunks.push(chunk as Buffer);
    const [header, ...lines] = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
    const reversed = [header, ...lines.reverse()].join('\n');
    const options = { fingerprint: true, value: false } as const;
    const [original, relaid] = await Promise.all([
      analyzeFile(ONLINE_RETAIL, options),
      analyzeText(reversed, { ...options, now: new Date('2012-01-01T00:00:00Z') }),
    ]);
    expect(original.analysis.input.contentFingerprint).toMatch(/^18532-/);
    expect(relaid.analysis.input.contentFingerprint).toBe(original.analysis.input.contentFingerprint);
  }, 60_000);
});
