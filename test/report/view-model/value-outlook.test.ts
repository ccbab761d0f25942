// The value outlook section (view-model/value-outlook.ts) on the CDNOW master (predictions shown) and Online
// Retail (withheld), in English and French, and its plain-text lines.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import { renderText } from '../../../lambda/report/render/render-text.ts';
import { buildReportView } from '../../../lambda/report/view-model/build-report-view.ts';
import { CDNOW, ONLINE_RETAIL } from '../../../tools/real-data.ts';
import { analyzeFile } from '../../support/analyze-file.ts';
import { reportInput } from '../fixtures/report-input.ts';

let cdnow: Analysis;
let retail: Analysis;

beforeAll(async () => {
  cdnow = (await analyzeFile(CDNOW)).analysis;
  retail = (await analyzeFile(ONLINE_RETAIL)).analysis;
}, 120_000);

describe('the value outlook', () => {
  it('gives the predicted value per segment, the likely lost and what they carry, and the model check', () => {
    const view = buildReportView(reportInput({ analysis: cdnow }));
    const outlook = view.valueOutlook;
    const value = cdnow.value;
    expect(outlook?.title).toBe('Value outlook, next 12 months');
    expect(outlook?.summary[0]).toMatch(
      /^The 23,502 customers are expected to bring [$\d,.]+ over the next 12 months\.$/,
    );
    expect(outlook?.summary[1]).toContain(
      `${(value?.customersLikelyLost ?? 0).toLocaleString('en-US')} customers are likely lost`,
    );
    const protect = (value?.priority?.levels ?? [])
      .filter((level) => level.key === 'strategic' || level.key === 'save')
      .reduce((sum, level) => sum + level.customers, 0);
    expect(outlook?.summary[2]).toBe(
      `${protect.toLocaleString('en-US')} high-value customers to protect (the priority column of the customers file names them).`,
    );
    const segmentsWithCustomers = (cdnow.rfm?.segments ?? []).filter((segment) => segment.customers > 0);
    expect(outlook?.rows.map((row) => row.segment)).toEqual(
      segmentsWithCustomers.map((segment) => segment.name.en),
    );
    expect(outlook?.accuracy).toMatch(
      /^Model check on the last \d+ days, held out: it missed each customer's purchases by 0\.42 on average, against 0\.49/,
    );
    const text = renderText(view);
    expect(text).toContain('VALUE OUTLOOK, NEXT 12 MONTHS');
    expect(text).toContain(outlook?.summary[1] ?? 'missing');
  });

  it('says in one line, in French too, why there is no outlook when the predictions are withheld', () => {
    const english = buildReportView(reportInput({ analysis: retail })).valueOutlook;
    expect(english?.summary).toEqual([
      'No value outlook: on the check period the model did no better than assuming each customer keeps their past rate.',
    ]);
    expect(english?.rows).toEqual([]);
    expect(english?.columns).toBeNull();
    const french = buildReportView(
      reportInput({ analysis: retail, settings: { locale: 'fr' } }),
    ).valueOutlook;
    expect(french?.title).toBe('Valeur à venir, 12 prochains mois');
    expect(french?.summary[0]).toMatch(/^Pas de prévision de valeur : /);
    expect(french?.accuracy).toContain('0,96');
  });

  it('is absent without a value analysis (customer tables, --no-value)', () => {
    const { value: _value, ...withoutValue } = cdnow;
    expect(
      buildReportView(reportInput({ analysis: { ...withoutValue, value: null } })).valueOutlook,
    ).toBeNull();
  });
});
