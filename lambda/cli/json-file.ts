// A JSON file a flag names (--settings, --previous, --model), read whole with one clear line when it cannot be.
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors/input-errors.ts';

/** Larger than any settings, analysis or model file: a bigger one is not what the flag wants (or /dev/zero). */
const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** The parsed JSON of `path`; an InputError naming the flag and the file when it is missing, too big or not JSON. */
export async function readJsonFile(path: string, option: string): Promise<unknown> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (info.size > MAX_JSON_BYTES) {
      throw new InputError(`${option} ${path}: too large for a JSON file of this kind (${info.size} bytes)`);
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'not a file' : (code ?? 'error');
    throw new InputError(`${option} ${path}: cannot read the file (${reason})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 quotes the start of the text in its message, line breaks included: the error must stay one line.
    const reason = (error as Error).message.replace(/\s+/g, ' ');
    throw new InputError(`${option} ${path}: not valid JSON (${reason})`);
  }
}
