// Headers no export has: a customer table of thousands of numeric columns, and a header of a million copies of
// one name. Streamed to disk (tens of MB each).
import { writeChunkedFile, type WrittenFile } from '../../../tools/chunked-file.ts';
import { createRandomSource, randomInt } from './seeded-draws.ts';

/**
 * A customer table `ID,f00001,...` of `rows` customers and `columns` numeric features in three hidden groups
 * (each feature centred on a group's own level, plus noise): 10,000 columns x 2,000 rows is about 80 MB.
 */
export function writeWideCustomerTable(path: string, columns: number, rows: number): Promise<WrittenFile> {
  const random = createRandomSource(10_000);
  const levels = [0, 1, 2].map(() => Array.from({ length: columns }, () => randomInt(random, 0, 900)));
  const width = String(columns).length;
  return writeChunkedFile(path, async (writer) => {
    const names = Array.from({ length: columns }, (_, index) => `f${String(index + 1).padStart(width, '0')}`);
    await writer.write(`ID,${names.join(',')}\n`);
    for (let row = 0; row < rows; row++) {
      const group = levels[row % levels.length] ?? [];
      const values = group.map((level) => String(level + randomInt(random, 0, 60)));
      await writer.write(`${1000 + row},${values.join(',')}\n`);
    }
    return rows + 1;
  });
}

/** A header of `names` copies of the one-letter name `a` (`a,a,a,...`), then `rows` rows of as many digits. */
export function writeDuplicateHeader(path: string, names: number, rows: number): Promise<WrittenFile> {
  return writeChunkedFile(path, async (writer) => {
    await writer.write(`${new Array<string>(names).fill('a').join(',')}\n`);
    for (let row = 0; row < rows; row++) {
      const digits = Array.from({ length: names }, (_, column) => String((row + column) % 10));
      await writer.write(`${digits.join(',')}\n`);
    }
    return rows + 1;
  });
}
