/**
 * Yields the text with every line break as LF: CRLF (Windows, Excel), LF (Unix) and a lone CR (old Mac exports)
 * may all appear in one file (two exports pasted together, a line edited on another system), and each ends a line.
 * A CR that ends a chunk is held back until the next chunk tells whether an LF follows it. Line breaks inside
 * quoted fields become LF too.
 * @example normaliseLineBreaks(['a\r\nb\rc\n']) // yields 'a\nb\nc\n'
 */
export async function* normaliseLineBreaks(text: AsyncIterable<string>): AsyncGenerator<string> {
  let heldCarriageReturn = false;
  for await (const chunk of text) {
    let piece: string = heldCarriageReturn ? `\r${chunk}` : chunk;
    heldCarriageReturn = piece.endsWith('\r');
    if (heldCarriageReturn) piece = piece.slice(0, -1);
    const normalised = piece.includes('\r') ? piece.replace(CARRIAGE_RETURNS, '\n') : piece;
    if (normalised !== '') yield normalised;
  }
  if (heldCarriageReturn) yield '\n';
}

const CARRIAGE_RETURNS = /\r\n?/g;
