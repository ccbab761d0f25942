/**
 * The executive summary email tested the way a reader sees it: rendered from the real data sets, opened in
 * headless Chromium at a phone's width and a desktop's, checked for Gmail's clipping limit, for what Gmail and
 * Outlook do not support, and for escaping of every configured or data-derived text.
 */
import { mkdir } from 'node:fs/promises';
import { doIUseEmail } from '@jsx-email/doiuse-email';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GMAIL_CLIPPING_BYTES } from '../../support/email-budgets.ts';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import { type RenderedReport, renderReport } from '../../../lambda/report/render/render-report.ts';
import { parseReportSettings, type ReportSettingsInput } from '../../../lambda/report/report-settings.ts';
import type { ReportView } from '../../../lambda/report/templates/report-view.ts';
import type { ReportKind } from '../../../lambda/vocabulary/report-kind.ts';
import { launchChromium, measureHorizontalFit, openHtml, sectionVisibility } from '../../support/browser.ts';
import { analyzeFile } from '../../support/analyze-file.ts';
import { CDNOW, CUSTOMER_PERSONALITY, ONLINE_RETAIL } from '../../../tools/real-data.ts';
import { testChartAssets } from '../../support/chart-assets.ts';

const BROWSER_TIMEOUT = 60_000;
const NOW = new Date('2025-01-06T08:00:00Z');
const SCREENSHOTS = new URL('../../../test-artifacts/screenshots/', import.meta.url);
/** A phone (iPhone SE and most Android phones are 360 to 414 px wide) and a desktop mail client. */
const WIDTHS = [375, 1200] as const;

/**
 * What doIUseEmail reports as unsupported by a Gmail or Outlook client (the client name stripped) and we accept,
 * each because MJML itself writes it for clients that do support it, and those that do not fall back to
 * something that still reads right (the layout is checked at 375 px, which is what the fallbacks give).
 * A new unsupported feature fails the test; so does an entry that no longer appears.
 */
const ACCEPTED_UNSUPPORTED_FEATURES: readonly string[] = [
  // MJML's head styles: the `#outlook a` link reset and the `.moz-text-html .mj-column-per-*` rules for
  // Thunderbird. Gmail's mobile webmail drops the <style>; the inline styles still lay the email out.
  'Descendant combinator',
  'ID selector',
  'Class selector',
  'Chaining selectors',
  // MJML's resets on `body`, `table, td`, `img`, `p` in the head <style>; every cell has inline styles too.
  'Type selector',
  // MJML's responsive columns (`@media (min-width:480px)`): without it, columns stack as on a phone.
  '@media',
  // MJML's `img { outline:none }` reset, and the same inline on the trend charts' images.
  'outline',
  // Every HTML document has a body; Outlook's apps replace it, and MJML repeats the background on a div.
  '<body> element',
  // MJML's `word-spacing:normal` on the body and wrapper, against inherited spacing in some webmails.
  'word-spacing',
  // MJML's hidden preheader (mj-preview): display:none, opacity:0, overflow:hidden, so that it shows only
  // in the inbox list.
  'display:none',
  'opacity',
  'overflow',
  // Accessibility attributes (MJML's role="article" and aria-label on the wrapper, role="presentation" on
  // layout tables, ours on the chart's tables); a client without them simply ignores them.
  'aria-label attribute',
  'role attribute',
  // MJML's `word-break:break-word` on column cells, and our `word-break:normal` on data cells that undoes it
  // so that numbers never break; unsupported means the default, `normal`, which is what the table wants.
  'word-break',
  // mj-table always writes `table-layout`; unsupported means `auto`, the default.
  'table-layout',
  // mj-image's wrapping table (the trend charts): `border-spacing:0px` beside `cellspacing="0"`, which does the
  // same where the style is dropped.
  'border-spacing',
];

/** Every section an email of a real data set has (alerts, migration and the customer file come and go). */
const CORE_SECTIONS = [
  'section-header',
  'section-headline',
  'section-key-points',
  'section-chart',
  'section-overview',
  'section-strategies',
  'section-budget',
  'section-watch',
  'section-next-steps',
  'section-data-quality',
  'section-footer',
] as const;

/** The sections the view model asks for, and those it does not (they must not be in the email). */
function expectedSections(view: ReportView): { present: string[]; absent: string[] } {
  const sections: [string, boolean][] = [
    ['section-header', true],
    ['section-headline', view.headline.length > 0],
    ['section-trends', view.trends !== null],
    ['section-key-points', view.keyPoints.length > 0],
    ['section-alerts', view.alerts.length > 0],
    ['section-chart', view.chart !== null],
    ['section-overview', view.overviews.length > 0],
    ['section-migration', view.migration !== null],
    ['section-strategies', view.strategies.length > 0],
    ['section-budget', view.budget !== null],
    ['section-watch', true],
    ['section-next-steps', true],
    ['section-data-quality', true],
    ['section-customer-file', view.customerFile !== null],
    ['section-footer', true],
  ];
  return {
    present: sections.filter(([, shown]) => shown).map(([name]) => name),
    absent: sections.filter(([, shown]) => !shown).map(([name]) => name),
  };
}

type DataSet = 'online-retail' | 'cdnow' | 'customer-personality';

interface Variant {
  /** Names the screenshots: `<dataset>-<locale>[-what]-<width>.png`. */
  id: string;
  dataSet: DataSet;
  settings: ReportSettingsInput;
}

/** Every threshold at its maximum: no alert can fire. */
const NO_ALERTS = {
  maxInactiveShare: 1,
  maxAverageOrderValueDrop: 1,
  maxMonthlyChurn: 1,
  maxAtRiskRevenueShare: 1,
};

const VARIANTS: readonly Variant[] = [
  { id: 'online-retail-en', dataSet: 'online-retail', settings: { locale: 'en', currency: 'GBP' } },
  { id: 'online-retail-fr', dataSet: 'online-retail', settings: { locale: 'fr', currency: 'GBP' } },
  { id: 'cdnow-en', dataSet: 'cdnow', settings: { locale: 'en' } },
  { id: 'cdnow-fr', dataSet: 'cdnow', settings: { locale: 'fr', timeZone: 'Europe/Paris' } },
  { id: 'customer-personality-en', dataSet: 'customer-personality', settings: { locale: 'en' } },
  { id: 'customer-personality-fr', dataSet: 'customer-personality', settings: { locale: 'fr' } },
  { id: 'cdnow-en-no-alerts', dataSet: 'cdnow', settings: { locale: 'en', alerts: NO_ALERTS } },
];

const PATHS: Record<DataSet, string> = {
  'online-retail': ONLINE_RETAIL,
  cdnow: CDNOW,
  'customer-personality': CUSTOMER_PERSONALITY,
};

const analyses = new Map<DataSet, Analysis>();
const reports = new Map<string, RenderedReport>();
let browser: Browser;

beforeAll(async () => {
  const [launched] = await Promise.all([
    launchChromium(),
    mkdir(SCREENSHOTS, { recursive: true }),
    ...Object.entries(PATHS).map(async ([dataSet, path]) => {
      analyses.set(dataSet as DataSet, (await analyzeFile(path)).analysis);
    }),
  ]);
  browser = launched;
  for (const variant of VARIANTS) {
    reports.set(variant.id, await render(variant.dataSet, variant.settings));
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

function analysisOf(dataSet: DataSet): Analysis {
  const analysis = analyses.get(dataSet);
  if (!analysis) throw new Error(`no analysis of ${dataSet}`);
  return analysis;
}

function reportOf(id: string): RenderedReport {
  const report = reports.get(id);
  if (!report) throw new Error(`no report ${id}`);
  return report;
}

function render(
  dataSet: DataSet,
  settings: ReportSettingsInput,
  extra: { sourceLabel?: string; kind?: ReportKind } = {},
): Promise<RenderedReport> {
  return renderReport(
    {
      analysis: analysisOf(dataSet),
      settings: parseReportSettings(settings),
      kind: 'weekly',
      now: NOW,
      ...extra,
    },
    { chartAssets: testChartAssets },
  );
}

describe.each(VARIANTS)('the $id email', ({ id }) => {
  it('stays under Gmail clipping limit, with no SVG, no data: URI and no image without alt text', () => {
    const { html } = reportOf(id);
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(GMAIL_CLIPPING_BYTES);
    expect(html).not.toMatch(/<svg/i);
    expect(html).not.toMatch(/data:/i);
    for (const image of html.match(/<img\b[^>]*>/gi) ?? []) {
      expect(image, image).toMatch(/\balt="[^"]*\S[^"]*"/);
    }
  });

  it.each(WIDTHS)(
    'fits %i px without scrolling or cut-off boxes, and shows every section it should',
    async (width) => {
      const { html, view } = reportOf(id);
      const page = await openHtml(browser, html, width);
      try {
        const fit = await measureHorizontalFit(page);
        expect(fit.viewportWidth).toBe(width);
        expect(fit.overflowing, `boxes past the edge at ${width} px`).toEqual([]);
        expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);

        const { present, absent } = expectedSections(view);
        const seen = await sectionVisibility(page, [...present, ...absent]);
        for (const name of present) expect(seen[name], name).toMatchObject({ visible: true });
        for (const name of absent) expect(seen[name], name).toEqual({ count: 0, visible: false });
        // The body is not empty: the headline figures are there with their values.
        const text = await page.locator('body').innerText();
        for (const kpi of view.headline) expect(text).toContain(kpi.value);

        await page.screenshot({ path: new URL(`${id}-${width}.png`, SCREENSHOTS).pathname, fullPage: true });
      } finally {
        await page.close();
      }
    },
    BROWSER_TIMEOUT,
  );
});

describe('the emails of the real data sets', () => {
  it('have every core section, and alerts exactly when a threshold is crossed', () => {
    for (const variant of VARIANTS) {
      const { view } = reportOf(variant.id);
      expect(expectedSections(view).present, variant.id).toEqual(expect.arrayContaining([...CORE_SECTIONS]));
    }
    // All three real data sets cross a default threshold (Online Retail: a third of customers inactive).
    expect(reportOf('online-retail-en').view.alerts.length).toBeGreaterThan(0);
    expect(reportOf('cdnow-en').view.alerts.length).toBeGreaterThan(0);
    // The trends' early warnings keep their own thresholds (the engine's), whatever the settings' alerts say.
    expect(reportOf('cdnow-en-no-alerts').view.alerts).toHaveLength(
      analysisOf('cdnow').trends?.outlook?.warnings.length ?? 0,
    );
  });

  it('use only features Gmail and Outlook support, apart from the accepted ones MJML writes', () => {
    const seen = new Set<string>();
    for (const variant of VARIANTS) {
      const result = doIUseEmail(reportOf(variant.id).html, { emailClients: ['gmail.*', 'outlook.*'] });
      if (!result.success) for (const error of result.errors) seen.add(featureOf(error));
    }
    const unexpected = [...seen].filter((feature) => !ACCEPTED_UNSUPPORTED_FEATURES.includes(feature));
    expect(unexpected, 'unsupported features that are not on the accepted list').toEqual([]);
    const neverSeen = ACCEPTED_UNSUPPORTED_FEATURES.filter((feature) => !seen.has(feature));
    expect(neverSeen, 'accepted features no email uses any more: remove them from the list').toEqual([]);
  });
});

/** "`@media` is not supported by `outlook.windows`" -> "@media". */
function featureOf(error: string): string {
  return error.replace(/ is (?:not|only partially) supported by `[^`]*`\s*$/, '').replace(/^`(.*)`$/, '$1');
}

describe('text from configuration and from the file name', () => {
  const HOSTILE = `<script>alert(1)</script> "&'`;
  const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;';

  it(
    'is escaped in the HTML, never runs, and reads literally',
    async () => {
      const report = await render(
        'online-retail',
        {
          locale: 'en',
          reportName: `Report ${HOSTILE}`,
          companyName: `Company ${HOSTILE}`,
          // Champions have the highest expected net return on Online Retail: their action is in the next steps too.
          playbook: {
            champions: {
              subStrategies: [
                { name: 'VIP', actions: [{ name: `Action ${HOSTILE}`, unitCost: 20, reach: 1 }] },
              ],
            },
          },
        },
        // An upload's subject (the page title) carries the report name.
        { sourceLabel: `file ${HOSTILE}.csv`, kind: 'upload' },
      );
      const { html } = report;
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).not.toMatch(/<script/i);
      for (const text of ['Report', 'Company', 'Action', 'file']) {
        expect(html, text).toContain(`${text} ${ESCAPED}`);
      }

      const page = await openHtml(browser, html, 1200);
      try {
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.title()).toContain(`Report ${HOSTILE}`);
        const text = await page.locator('body').innerText();
        for (const literal of [`Report ${HOSTILE}`, `Company ${HOSTILE}`, `Action ${HOSTILE}`]) {
          expect(text, literal).toContain(literal);
        }
        expect(text).toContain(`file ${HOSTILE}.csv`);
        expect(dialogs).toEqual([]);
      } finally {
        await page.close();
      }
    },
    BROWSER_TIMEOUT,
  );
});

describe('MJML strict validation', () => {
  it('turns an invalid template into a TemplateError naming the problem', async () => {
    // The real renderer and the real MJML, with a template that puts mj-text straight in an mj-section.
    vi.resetModules();
    vi.doMock('../../../lambda/report/templates/executive-summary.ts', () => ({
      executiveSummaryMjml: () =>
        '<mjml><mj-body><mj-section><mj-text>not in a column</mj-text></mj-section></mj-body></mjml>',
    }));
    try {
      const { renderHtml } = await import('../../../lambda/report/render/render-html.ts');
      const { TemplateError } = await import('../../../lambda/errors/template-error.ts');
      const rendering = renderHtml(reportOf('cdnow-en').view);
      await expect(rendering).rejects.toBeInstanceOf(TemplateError);
      await expect(rendering).rejects.toThrow(/mj-text/);
    } finally {
      vi.doUnmock('../../../lambda/report/templates/executive-summary.ts');
      vi.resetModules();
    }
  });
});
