/**
 * Writes where a value sits in the configuration, as a reader would look it up: `recipients.executives.0`,
 * `inputs["incoming/erp/"].dateFormat`. Keys that are not identifiers (a prefix with its slashes) are quoted, so
 * that an error or a piece of advice names the field exactly.
 */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      const text = String(key);
      if (!/^[A-Za-z_$][\w$]*$|^\d+$/.test(text)) return `[${JSON.stringify(text)}]`;
      return index === 0 ? text : `.${text}`;
    })
    .join('');
}
