/**
 * What the report bundles load in place of a package that MJML requires at its top but that our render never
 * calls (report-bundling.ts aliases each one here and says why it is never called). Every entry point throws, so
 * that a change of options that would need the real package fails loudly instead of rendering something else.
 */

/** Throws: the package was left out of the bundle. */
function leftOut(): never {
  throw new Error('this package is left out of the report bundle (infra/constructs/report-bundling.ts)');
}

/** js-beautify's `html` (mjml-core's beautify) and web-resource-inliner's `html` (juice's resource inlining). */
export const html = leftOut;
/** cosmiconfig's loader (htmlnano's configuration file search). */
export const cosmiconfigSync = leftOut;
/** cssnano-preset-lite (mjml-core's CSS minifying preset). */
export default leftOut;
