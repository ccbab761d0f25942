// A report view with every text wrapped in runs of whitespace, quotes and markup, as a CSV header or a setting may
// be: the email tests render it to check that nothing is lost or injected on the way (the minify test, the bundle
// test).

/** Strings the templates use as names or to choose (a class, a Content-ID, a link, an arrow, a colour), not text. */
const NOT_TEXT = new Set(['locale', 'key', 'cid', 'url', 'trend', 'priorityLevel']);

/** `value` with every text (every string but NOT_TEXT's keys) wrapped in whitespace, quotes and markup. */
export function withHostileTexts<Value>(value: Value, key = ''): Value {
  if (typeof value === 'string' && !NOT_TEXT.has(key)) {
    return `\n  ${value}  <b>"&'</b>\t{{x}} ` as Value;
  }
  if (Array.isArray(value)) return value.map((item) => withHostileTexts(item, key)) as Value;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([name, item]) => [name, withHostileTexts(item, name)]);
    return Object.fromEntries(entries) as Value;
  }
  return value;
}
