// Gzip bombs: a few MB of gzip that expand to gigabytes of valid transaction lines, streamed through zlib so that
// nothing near the expanded size is ever in memory.
import { writeChunkedFile, type WrittenFile } from '../../../tools/chunked-file.ts';

/** The bombs' header and their one line, repeated: a valid transaction, so a reader cannot skip it cheaply. */
const BOMB_HEADER = 'InvoiceNo,CustomerID,InvoiceDate,Amount\n';
const BOMB_LINE = '536365,17850,2011-01-01,1\n';
const BOMB_BLOCK = Buffer.from(BOMB_LINE.repeat(Math.floor((1 << 20) / BOMB_LINE.length)));
const BOMB_GZIP_LEVEL = 9;

/**
 * The two bombs of issue 10: a 13-14 MB gzip that expands to 5.5 GB, and a 30 MB one (~12.4 GB). Level-9
 * deflate of this line gives ~412:1, so the sizes follow from the expanded size alone.
 */
export const GZIP_BOMBS = {
  small: { expandedBytes: 5_500_000_000 },
  large: { expandedBytes: 12_400_000_000 },
} as const;

/**
 * Writes a gzip (level 9, one member) of a CSV header then identical transaction lines up to `expandedBytes`
 * (rounded down to whole lines), 1 MiB at a time. ~430 MB of expanded text per second on one core.
 */
export function writeGzipBomb(path: string, expandedBytes: number): Promise<WrittenFile> {
  return writeChunkedFile(
    path,
    async (writer) => {
      await writer.write(BOMB_HEADER);
      let lines = 1;
      const maxBlocks = Math.ceil(expandedBytes / BOMB_BLOCK.length) + 1;
      for (let block = 0; block < maxBlocks; block++) {
        const room = expandedBytes - writer.written;
        if (room < BOMB_LINE.length) break;
        const piece =
          room >= BOMB_BLOCK.length
            ? BOMB_BLOCK
            : BOMB_BLOCK.subarray(0, Math.floor(room / BOMB_LINE.length) * BOMB_LINE.length);
        await writer.write(piece);
        lines += piece.length / BOMB_LINE.length;
      }
      return lines;
    },
    BOMB_GZIP_LEVEL,
  );
}
