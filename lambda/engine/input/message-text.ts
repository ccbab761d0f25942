/**
 * Text from the file inside an error message: a message is one short line on stderr and in the data team's notice
 * whatever the file holds (a 1 MiB header name, a header of 10,000 columns, a line break inside a quoted name), so
 * names are shown escaped and shortened, and lists of names are cut.
 */

/** A name from the file is shown with at most this many characters, then "…". */
export const MAX_NAME_CHARACTERS = 40;
/** A list of names stops before this many characters, then says how many there are in all. */
export const MAX_LIST_CHARACTERS = 120;

/**
 * A name from the file, quoted for a message: control characters escaped as in JSON (a line break shows as `\n`,
 * so the message stays one line) and cut after MAX_NAME_CHARACTERS.
 * @example quoteName('Date') // '"Date"'
 */
export function quoteName(name: string): string {
  return `"${showName(name)}"`;
}

/** A name from the file for a message, unquoted: escaped and cut as quoteName does. */
export function showName(name: string): string {
  return printable(shorten(name, MAX_NAME_CHARACTERS));
}

/**
 * Header names for a message, `, `-separated as written; past MAX_LIST_CHARACTERS the list stops and says how many
 * there are: `f0, f1, f2, … (10,000 columns)`.
 */
export function listNames(names: readonly string[], what = 'columns'): string {
  let listed = '';
  for (const [index, name] of names.entries()) {
    const next = `${index === 0 ? '' : ', '}${showName(name)}`;
    if (listed.length + next.length > MAX_LIST_CHARACTERS) {
      return `${listed}, … (${names.length.toLocaleString('en-US')} ${what})`;
    }
    listed += next;
  }
  return listed;
}

/** Quoted names, `"a", "b"`, cut after a few: `"a", "b", "c" and 9,947 more`. */
export function listQuotedNames(names: readonly string[], shown = 3): string {
  const quoted = names.slice(0, shown).map(quoteName).join(', ');
  const more = names.length - shown;
  return more > 0 ? `${quoted} and ${more.toLocaleString('en-US')} more` : quoted;
}

function shorten(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  const end = maxCharacters - 1;
  // Never cut between the two halves of a character outside the BMP (an emoji).
  const code = text.charCodeAt(end - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end)}…`;
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Escapes control characters (and the separators that end a line in JavaScript): `\n`, `\r`, `\t`, `\u2028`. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (character) => {
    return ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
