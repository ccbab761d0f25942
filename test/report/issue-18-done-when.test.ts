/**
 * Issue 18's "Done when" (budgets down to the action) on the golden emails, the three real data sets in English
 * and French: the budget table adds up exactly as shown (each segment's amount, the total), the JSON roll-up adds
 * up exactly at every level (action, sub-strategy, strategy, total), the email keeps to the strategy level with at
 * most two actions a segment, the plain text says the same, and the HTML stays within Gmail's clipping size.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderedReport } from '../../lambda/report/render/render-report.ts';
import { escapeHtml } from '../../lambda/report/templates/markup/escape-html.ts';
import { GMAIL_CLIPPING_BYTES } from '../support/email-budgets.ts';
import { GOLDEN_CASES, renderAllGoldenReports } from './fixtures/golden-reports.ts';
import { numberOf } from './fixtures/real-data-reports.ts';

let reports: Map<string, RenderedReport>;

beforeAll(async () => {
  reports = await renderAllGoldenReports();
}, 180_000);

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe.each(GOLDEN_CASES)('the $name email in $locale', ({ name, locale }) => {
  const report = () => reports.get(`${name}.${locale}`) as RenderedReport;

  it('adds up the budget table exactly as shown', () => {
    const table = report().view.budget;
    if (!table || table.rows.length === 0) return expect(report().budget.total.budget).toBe(0);
    const shown = table.rows.map((row) => numberOf(row.budget, locale));
    expect(sum(shown)).toBe(numberOf(table.total.budget, locale));
    // Each segment's amount is its strategy's in the roll-up, and its funded strategies are the table's rows.
    const funded = report().budget.strategies.filter((strategy) => strategy.funded);
    expect(shown).toEqual(funded.map((strategy) => strategy.budget));
  });

  it('adds up the roll-up exactly at every level, in whole units', () => {
    const { strategies, total } = report().budget;
    for (const strategy of strategies) {
      expect(Number.isInteger(strategy.budget), strategy.key).toBe(true);
      expect(sum(strategy.subStrategies.map((sub) => sub.budget)), strategy.key).toBe(strategy.budget);
      for (const sub of strategy.subStrategies) {
        expect(sum(sub.actions.map((action) => action.budget)), strategy.key).toBe(sub.budget);
        for (const action of sub.actions) {
          expect(action.customersReached).toBeLessThanOrEqual(strategy.customers);
          expect(Number.isInteger(action.budget)).toBe(true);
        }
      }
    }
    expect(sum(strategies.filter((s) => s.funded).map((s) => s.budget))).toBe(total.budget);
  });

  it('keeps the email at the strategy level, with the two largest actions of each segment', () => {
    const { view, html, text } = report();
    const others = new RegExp(
      locale === 'en'
        ? '^(One other action|\\d+ other actions): '
        : '^(Une autre action|\\d+\u00a0autres actions)\u00a0: ',
    );
    for (const row of view.budget?.rows ?? []) {
      const named = row.topActions.filter((line) => !others.test(line));
      expect(named.length, row.segment).toBeGreaterThan(0);
      expect(named.length, row.segment).toBeLessThanOrEqual(2);
      // The named actions and the others' line add up to the segment's budget, as shown.
      const amounts = row.topActions.map((line) => numberOf(line.slice(line.lastIndexOf(':') + 1), locale));
      expect(sum(amounts), row.segment).toBe(numberOf(row.budget, locale));
      for (const action of row.topActions) {
        expect(html).toContain(escapeHtml(action));
        expect(text).toContain(`  - ${action}\n`);
      }
    }
    // No sub-strategy name in the email: the full roll-up is the archive's.
    for (const strategy of report().budget.strategies) {
      for (const sub of strategy.subStrategies) expect(text).not.toContain(`${sub.name[locale]}:`);
    }
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(GMAIL_CLIPPING_BYTES);
  });
});
