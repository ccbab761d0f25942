/** The email's HTML: the executive summary template through MJML, strictly validated. */
import mjml2html from 'mjml';
import { TemplateError } from '../../errors/template-error.ts';
import { executiveSummaryMjml } from '../templates/executive-summary.ts';
import type { ReportView } from '../templates/report-view.ts';

/** Renders the view model to email HTML with MJML 5 under strict validation (any MJML error throws). */
export async function renderHtml(view: ReportView): Promise<string> {
  const mjml = executiveSummaryMjml(view);
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(mjml, {
      validationLevel: 'strict',
      keepComments: false,
      minify: true,
      minifyOptions: { minifyCss: false },
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
