/**
 * The budget down to the action as readers get it: the email's table keeps to the strategy level with the two
 * largest actions under each segment (English and French), the plain text says the same, and the archive's JSON
 * holds the whole roll-up. At risk (150 customers) runs the hand playbook (fixtures/hand-playbook.ts):
 * Offer 120 x 2.5 = 300 and 15 x 12 = 180 -> 480; Survey 150 x 0.1 = 15 and 150 x 0.2 = 30 -> 45; 525 in all,
 * 3.50 per customer. The other plans keep the default playbook: 2,000 + 2,000 + 2,400 + 500 = 6,900 with it,
 * 7,425 in all.
 */
import { describe, expect, it } from 'vitest';
import { parseAnalysis } from '../../../lambda/engine/analysis/parse-analysis.ts';
import { renderText } from '../../../lambda/report/render/render-text.ts';
import { parseReportSettings } from '../../../lambda/report/report-settings.ts';
import { budgetSection } from '../../../lambda/report/templates/sections/budget-section.ts';
import { analysisJsonText, budgetOfAnalysis } from '../../../lambda/report/view-model/budget-json.ts';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { HAND_SUB_STRATEGIES } from '../fixtures/hand-playbook.ts';
import { fixtureView } from '../fixtures/report-input.ts';

const playbook = { atRisk: { subStrategies: HAND_SUB_STRATEGIES } };

describe('the email keeps the strategy level, with the largest actions under each segment', () => {
  it('shows At risk at 525 with its two largest actions, in English', () => {
    const budget = fixtureView({ settings: { playbook } }).budget;
    expect(budget?.rows.find((row) => row.segment === 'At risk')).toEqual({
      segment: 'At risk',
      // The survey's two actions (15 + 30) together: the lines add up to 525.
      topActions: ['Email voucher: $300', 'Phone call: $180', '2 other actions: $45'],
      customers: '150',
      perCustomer: '$3.50',
      budget: '$525',
      expectedReturn: '$5,000',
      roi: '852.4%', // (5,000 - 525) / 525
    });
    expect(budget?.total).toMatchObject({ budget: '$7,425', customers: '1,000' });
  });

  it('shows them in French, with the French colon', () => {
    const budget = fixtureView({ settings: { playbook, locale: 'fr' } }).budget;
    const atRisk = budget?.rows.find((row) => row.segment === 'À risque');
    expect(atRisk?.topActions).toEqual([
      'Bon par e-mail\u00a0: 300\u00a0€',
      'Appel\u00a0: 180\u00a0€',
      '2\u00a0autres actions\u00a0: 45\u00a0€',
    ]);
    expect(atRisk?.budget).toBe('525\u00a0€');
  });

  it('renders them under the segment name in the HTML and as indented lines in the text', () => {
    const view = fixtureView({ settings: { playbook } });
    const html = budgetSection(view);
    expect(html).toContain('At risk<br><span style="color:');
    expect(html).toContain('>Email voucher: $300</span><br><span');
    expect(html).toContain('>Phone call: $180</span>');
    // Not the smaller ones: the email stays at the strategy level.
    expect(html).not.toContain('Survey');
    const text = renderText(view);
    expect(text).toContain(
      'At risk: Budget $525 (Customers 150, Per customer $3.50), Expected return $5,000, ROI 852.4%\n' +
        '  - Email voucher: $300\n' +
        '  - Phone call: $180\n',
    );
    expect(text).toContain('Total: Budget $7,425 (Customers 1,000, ');
    // The cards list every action; the budget section names only the largest two with their amounts.
    expect(text).not.toMatch(/ {2}- Survey (email|reminder): \$/);
  });
});

describe('the JSON holds the whole roll-up', () => {
  const settings = parseReportSettings({ currency: 'USD', playbook });
  const budget = budgetOfAnalysis(analysisFixture(), settings);

  it('lists every sub-strategy and action with reach, customers reached, unit cost and budget', () => {
    const atRisk = budget.strategies.find((strategy) => strategy.key === 'atRisk');
    expect(atRisk).toMatchObject({ customers: 150, budget: 525, perCustomer: 3.5, flatPerCustomer: null });
    expect(atRisk?.subStrategies).toEqual([
      {
        name: { en: 'Offer', fr: 'Offre' },
        budget: 480,
        actions: [
          {
            name: { en: 'Email voucher', fr: 'Bon par e-mail' },
            unitCost: 2.5,
            reach: 0.8,
            customersReached: 120,
            budget: 300,
          },
          {
            name: { en: 'Phone call', fr: 'Appel' },
            unitCost: 12,
            reach: 0.1,
            customersReached: 15,
            budget: 180,
          },
        ],
      },
      {
        name: { en: 'Survey', fr: 'Enquête' },
        budget: 45,
        actions: [
          {
            name: { en: 'Survey email', fr: 'E-mail d’enquête' },
            unitCost: 0.1,
            reach: 1,
            customersReached: 150,
            budget: 15,
          },
          {
            name: { en: 'Survey reminder', fr: 'Relance d’enquête' },
            unitCost: 0.2,
            reach: 1,
            customersReached: 150,
            budget: 30,
          },
        ],
      },
    ]);
  });

  it('gives the total over the funded strategies, versioned, and leaves the analysis readable', () => {
    expect(budget).toMatchObject({
      schemaVersion: 1,
      currency: 'USD',
      groups: 'rfm-segments',
      basis: 'past-revenue',
      totalBudget: null,
    });
    expect(budget.strategies.map((strategy) => [strategy.key, strategy.budget, strategy.funded])).toEqual([
      ['champions', 2000, true],
      ['loyal', 2000, true],
      ['potentialLoyalists', 2400, true],
      ['atRisk', 525, true],
      ['hibernating', 500, true],
    ]);
    expect(budget.total).toMatchObject({ budget: 7425, customers: 1000 });
    const json = JSON.parse(analysisJsonText(analysisFixture(), budget)) as Record<string, unknown>;
    expect(json.budget).toEqual(JSON.parse(JSON.stringify(budget)));
    // Readers of the analysis (schema version 1) drop the field they do not know.
    expect(parseAnalysis(json, 'analysis.json')).toEqual(analysisFixture());
  });
});
