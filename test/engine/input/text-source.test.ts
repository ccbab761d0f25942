import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openTextSource } from '../../../lambda/engine/input/text-source.ts';
import { chunksOf, collectText, inPieces, utf8, windows1252 } from '../../support/byte-streams.ts';
import { MalformedFileError } from '../../../lambda/errors/input-errors.ts';

describe('openTextSource', () => {
  it('gives a sample and the whole text of a small file', async () => {
    const source = await openTextSource(chunksOf(utf8('a,b\n1,2\n')), 'small.csv');
    expect(source.sample).toBe('a,b\n1,2\n');
    expect(await collectText(source.text)).toBe('a,b\n1,2\n');
  });

  it('samples at least 64 KiB of a larger file and streams all of it exactly once', async () => {
    const line = 'C123,2024-01-02,12.50\n';
    const content = `customer,date,amount\n${line.repeat(20_000)}`;
    const source = await openTextSource(inPieces(utf8(content), 10_000), 'big.csv');
    expect(source.sample.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(source.sample.length).toBeLessThan(content.length);
    expect(content.startsWith(source.sample)).toBe(true);
    expect(await collectText(source.text)).toBe(content);
  });

  it('decodes gzip and Windows-1252 together and reports the encoding', async () => {
    const latin = windows1252('Client;Montant\nAndré;12,50\n');
    const source = await openTextSource(chunksOf(new Uint8Array(gzipSync(latin))), 'export.txt');
    expect(await collectText(source.text)).toBe('Client;Montant\nAndré;12,50\n');
    expect(source.decoder.encoding).toBe('windows-1252');
  });

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a whitespace-only file', utf8('  \n\t\r\n  \n')],
  ])('rejects %s as empty, naming it', async (_, content) => {
    const opening = openTextSource(chunksOf(content), 'blank.csv');
    await expect(opening).rejects.toBeInstanceOf(MalformedFileError);
    await expect(opening).rejects.toThrow('blank.csv: the file is empty');
  });

  it('rejects a binary file (NUL bytes), naming it', async () => {
    const binary = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]);
    await expect(openTextSource(chunksOf(binary), 'photo.csv')).rejects.toThrow(
      'photo.csv: not a CSV file: it holds binary data (NUL bytes)',
    );
  });
});
