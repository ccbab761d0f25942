/** The email's HTML: the executive summary template through MJML, strictly validated. */
import mjml2html from 'mjml';
import { TemplateError } from '../../errors/template-error.ts';
import { executiveSummaryMjml } from '../templates/executive-summary.ts';
import type { ReportView } from '../templates/report-view.ts';

/**
 * htmlnano's modules as MJML's `minify` runs them (its "safe" preset under MJML's options), cut to the one that
 * changes this email, the whitespace collapsing (with MJML's comment removal, which is cheap). The others each
 * walk every element, together about a third of MJML's warm render (issue 17), and find nothing to do: the
 * attribute modules (lower-cased names and values, trimmed, sorted and de-duplicated class lists, empty or boolean
 * attributes) find every attribute as MJML and the templates write it, the data's texts reaching only `alt`,
 * `title` and element content, which they leave alone; the SVG, JSON and script-template minifiers find no <svg>
 * nor <script>, yet the SVG one imports svgo on the first render (a bundle deployed without node_modules warns
 * that svgo is missing on every render). test/report/render/html-minify.test.ts holds the result to MJML's full
 * minify, hostile texts included. No config file either: htmlnano would search the working directory up for one on
 * every render (an .htmlnanorc there would change the email).
 */
const HTML_MINIFY_OPTIONS = {
  minifyCss: false,
  skipConfigLoading: true,
  normalizeAttributeValues: false,
  removeEmptyAttributes: false,
  collapseAttributeWhitespace: false,
  collapseBooleanAttributes: false,
  deduplicateAttributeValues: false,
  minifyAttributes: false,
  sortAttributesWithLists: false,
  minifyHtmlTemplate: false,
  minifyJson: false,
  minifySvg: false,
  custom: false,
};

/** Renders the view model to email HTML with MJML 5 under strict validation (any MJML error throws). */
export async function renderHtml(view: ReportView): Promise<string> {
  const mjml = executiveSummaryMjml(view);
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(mjml, {
      validationLevel: 'strict',
      keepComments: false,
      minify: true,
      minifyOptions: HTML_MINIFY_OPTIONS,
    });
  } catch (error) {
    // Strict validation throws a ValidationError listing every problem.
    throw new TemplateError(
      `MJML: ${error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : String(error)}`,
    );
  }
  if (result.errors.length > 0) {
    const first = result.errors[0];
    throw new TemplateError(`MJML: ${first?.formattedMessage ?? first?.message ?? 'invalid template'}`);
  }
  return result.html;
}
