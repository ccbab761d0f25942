// The currency of the report's amounts, never guessed (issue 13): the file's own (signs, codes or a currency
// column), else the configured one, else plain numbers "in the file's currency"; the footer says which.
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRENCH_ERP } from '../../support/french-erp.ts';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import { renderReport } from '../../../lambda/report/render/render-report.ts';
import { parseReportSettings, type ReportSettingsInput } from '../../../lambda/report/report-settings.ts';
import { buildReportView } from '../../../lambda/report/view-model/build-report-view.ts';
import { analyzeFile } from '../../support/analyze-file.ts';
import { analyzeText } from '../../support/analyze-text.ts';
import { ONLINE_RETAIL } from '../../../tools/real-data.ts';
import { testChartAssets } from '../../support/chart-assets.ts';

const NOW = new Date('2025-01-06T08:00:00Z');
const CURRENCY_SIGNS = /[$€£¥]/;

function render(analysis: Analysis, settings: ReportSettingsInput = {}) {
  return renderReport(
    { analysis, settings: parseReportSettings(settings), kind: 'upload', now: NOW },
    { chartAssets: testChartAssets },
  );
}

function view(analysis: Analysis, settings: ReportSettingsInput = {}) {
  return buildReportView({ analysis, settings: parseReportSettings(settings), kind: 'upload', now: NOW });
}

describe('Online Retail, whose file names no currency', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = (await analyzeFile(ONLINE_RETAIL, { sourceName: basename(ONLINE_RETAIL) })).analysis;
  }, 120_000);

  it('is analysed as naming none', () => {
    expect(analysis.input.currency).toEqual({ code: null, source: 'none', otherLines: {} });
  });

  it('shows plain numbers, no $ nor €, and says the amounts are in the file’s currency, in English and French', async () => {
    const english = await render(analysis);
    const french = await render(analysis, { locale: 'fr' });
    for (const email of [english, french]) {
      expect(email.subject).not.toMatch(CURRENCY_SIGNS);
      expect(email.text).not.toMatch(CURRENCY_SIGNS);
      expect(email.html).not.toMatch(CURRENCY_SIGNS);
    }
    expect(english.subject).toMatch(/revenue 8\.9M\b/);
    expect(french.subject).toMatch(/8,9\u00a0M\b/);
    expect(english.text).toContain(
      "Amounts in the file's currency: the file names none and none is configured",
    );
    expect(french.text).toContain('Montants dans la devise du fichier : le fichier n’en indique aucune');
  });

  it('shows the configured currency when one is configured, and says it was configured', async () => {
    const english = await render(analysis, { currency: 'GBP' });
    expect(english.subject).toContain('£8.9M');
    expect(english.text).toContain('Amounts in GBP, the configured currency: the file names none.');
    const french = await render(analysis, { locale: 'fr', currency: 'GBP' });
    expect(french.subject).toMatch(/8,9\u00a0M\u00a0£/);
    expect(french.text).toContain('Montants en GBP, devise configurée : le fichier n’en indique aucune.');
  });
});

describe('a French ERP file with `12,50 €` amounts', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = (await analyzeText(FRENCH_ERP)).analysis;
  });

  it('shows euros, detected from the file, in English too', async () => {
    const english = await render(analysis);
    expect(english.subject).toContain('€1.4K');
    expect(english.text).not.toContain('$');
    expect(english.text).toContain(
      'Amounts in EUR, detected from the file (the currency signs or codes of its amounts).',
    );
    const french = await render(analysis, { locale: 'fr' });
    expect(french.text).toContain(
      'Montants en EUR, devise détectée dans le fichier (les signes ou codes monétaires de ses montants).',
    );
  });

  it('keeps the file’s currency over a configured one, and says the configured one was not used', async () => {
    const english = await render(analysis, { currency: 'USD' });
    expect(english.subject).toContain('€1.4K');
    expect(english.text).not.toContain('$');
    expect(english.text).toContain('The configured currency (USD) was not used.');
  });
});

describe('a file in several currencies', () => {
  it('says in the data quality section which lines were left out, in English and French', async () => {
    const text = [
      'Invoice,Customer,Date,Amount,Currency',
      'I1,C1,2024-02-01,10,EUR',
      'I2,C2,2024-02-02,20,EUR',
      'I3,C3,2024-02-03,1000,USD',
      'I4,C1,2024-02-04,5,EUR',
    ];
    const { analysis } = await analyzeText(text.join('\n'));
    const english = view(analysis);
    expect(english.dataQuality.notes).toContain(
      'The amounts are in EUR; lines in another currency were left out, not added up: 1 in USD.',
    );
    expect(english.dataQuality.facts).toContainEqual({
      label: 'Rejected: amount in another currency',
      value: '1',
    });
    expect(english.footer.methods[0]).toBe('Amounts in EUR, detected from the file (its currency column).');
    expect(view(analysis, { locale: 'fr' }).dataQuality.notes).toContain(
      'Les montants sont en EUR ; les lignes dans une autre devise ont été écartées, et non additionnées : 1 en USD.',
    );
  });
});

describe('an analysis archived before the currency was read', () => {
  it('uses the configured currency, or none', async () => {
    const { analysis } = await analyzeText(FRENCH_ERP);
    const { currency: _dropped, ...input } = analysis.input;
    const archived = { ...analysis, input };
    expect(view(archived, { currency: 'CHF' }).footer.methods[0]).toBe(
      'Amounts in CHF, the configured currency: the file names none.',
    );
    expect(view(archived).subject).not.toMatch(CURRENCY_SIGNS);
  });
});
