/**
 * The email's HTML is minified by fewer of htmlnano's modules than MJML's `minify` runs (render-html.ts says why):
 * it must stay, byte for byte, what MJML's full minify makes of the same MJML, for every section, in both
 * languages, with texts full of whitespace, quotes and markup wherever the view has text.
 */
import mjml2html from 'mjml';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../lambda/report/render/render-html.ts';
import type { ReportLocale } from '../../../lambda/report/report-settings.ts';
import { executiveSummaryMjml } from '../../../lambda/report/templates/executive-summary.ts';
import type { ReportView } from '../../../lambda/report/templates/report-view.ts';
import { buildReportView } from '../../../lambda/report/view-model/build-report-view.ts';
import { reportInput } from '../fixtures/report-input.ts';
import { completeReportView } from '../fixtures/complete-report-view.ts';
import { withHostileTexts } from '../../support/hostile-view-texts.ts';

/** What render-html.ts ran before its minify was cut: MJML's own, every module of htmlnano's safe preset. */
async function fullMinify(view: ReportView): Promise<string> {
  const mjml = executiveSummaryMjml(view);
  const options = { validationLevel: 'strict', keepComments: false, minify: true } as const;
  return (await mjml2html(mjml, { ...options, minifyOptions: { minifyCss: false } })).html;
}

/** An upload's email: the fewest sections. */
function uploadView(locale: ReportLocale): ReportView {
  return buildReportView(reportInput({ settings: { locale } }));
}

/** Every section's class: the complete view must have them all. */
const SECTIONS = [
  'header',
  'period',
  'headline',
  'trends',
  'key-points',
  'alerts',
  'chart',
  'overview',
  'migration',
  'value-outlook',
  'strategies',
  'budget',
  'watch',
  'next-steps',
  'data-quality',
  'customer-file',
  'footer',
];

describe.each(['en', 'fr'] as const)('the %s email', (locale) => {
  const cases = [
    { name: 'upload', view: uploadView(locale) },
    { name: 'complete', view: completeReportView(locale) },
    { name: 'complete, hostile texts', view: withHostileTexts(completeReportView(locale)) },
  ];

  it('has every optional section in its complete view', async () => {
    const html = await renderHtml(completeReportView(locale));
    for (const section of SECTIONS) expect(html, section).toContain(`section-${section}`);
  });

  it.each(cases)('$name: is what MJML full minify makes of it', async ({ view }) => {
    const html = await renderHtml(view);
    expect(html === (await fullMinify(view)), 'differs from MJML full minify').toBe(true);
  });
});
