import { describe, expect, it } from 'vitest';
import { analysisFixture, FIXTURE_SEGMENTS } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

describe('kpisToWatch', () => {
  it('compares each KPI with its default target', () => {
    expect(fixtureView().watch).toEqual([
      // 550 / 1,000 repeaters = 55% < 60%
      {
        kpi: 'Repeat rate',
        current: '55.0%',
        target: 'at least 60.0%',
        onTarget: false,
        status: 'Off target',
      },
      { kpi: 'Retention', current: '90.0%', target: 'at least 75.0%', onTarget: true, status: 'On target' },
      // 720 / 1,000 active = 72% >= 70%
      {
        kpi: 'Active customers',
        current: '72.0%',
        target: 'at least 70.0%',
        onTarget: true,
        status: 'On target',
      },
      // 15% at risk: at most 15%, so on target at equality
      {
        kpi: 'Customers slipping away',
        current: '15.0%',
        target: 'at most 15.0%',
        onTarget: true,
        status: 'On target',
      },
    ]);
  });

  it('treats the at-risk share as a ceiling: over it is off target', () => {
    const watch = fixtureView({ analysis: analysisFixture({ kpis: { atRiskCustomerShare: 0.16 } }) }).watch;
    expect(watch[3]).toMatchObject({ kpi: 'Customers slipping away', onTarget: false, status: 'Off target' });
    const lower = fixtureView({ analysis: analysisFixture({ kpis: { atRiskCustomerShare: 0.01 } }) }).watch;
    expect(lower[3]?.onTarget).toBe(true);
  });

  it('treats the others as floors, equality on target', () => {
    // 600 / 1,000 = 60% repeat: on target; 699 / 1,000 = 69.9% active: off target
    const analysis = analysisFixture({ kpis: { repeatRate: 0.6, activeCustomers: 699 } });
    const watch = fixtureView({ analysis }).watch;
    expect(watch[0]?.onTarget).toBe(true);
    expect(watch[2]).toMatchObject({ current: '69.9%', onTarget: false });
  });

  it('uses configured targets', () => {
    const watch = fixtureView({ settings: { targets: { repeatRate: 0.5, atRiskCustomerShare: 0.1 } } }).watch;
    expect(watch[0]).toMatchObject({ target: 'at least 50.0%', onTarget: true });
    expect(watch[3]).toMatchObject({ target: 'at most 10.0%', onTarget: false });
  });

  it('leaves out retention when unknown, and the RFM KPIs without RFM', () => {
    const noRetention = fixtureView({ analysis: analysisFixture({ kpis: { retentionRate: undefined } }) });
    expect(noRetention.watch.map((row) => row.kpi)).toEqual([
      'Repeat rate',
      'Active customers',
      'Customers slipping away',
    ]);
    const noRfm = fixtureView({ analysis: analysisFixture({ rfm: null }) });
    expect(noRfm.watch.map((row) => row.kpi)).toEqual(['Repeat rate', 'Retention']);
  });
});

describe('nextSteps', () => {
  it('gives the first action of the three plans with the highest net return, then the review', () => {
    // Net: Potential loyalists 7,600, Champions 6,000, Loyal 5,500 (At risk 3,200 and Hibernating 500 left out).
    expect(fixtureView().nextSteps).toEqual([
      'Potential loyalists (300 customers, budget $2,400): offer a membership or subscription.',
      'Champions (100 customers, budget $2,000): invite to a VIP programme with early access to new products.',
      'Loyal (200 customers, budget $2,000): recommend higher-value and complementary products.',
      // now is 2024-06-03: an upload is followed by the next report 7 days later
      'Review the results in the next report, due around Jun 10, 2024.',
    ]);
  });

  it('dates the review 91 days ahead for a quarterly review', () => {
    // 2024-06-03 + 91 days = 2024-09-02
    expect(fixtureView({ kind: 'quarterly' }).nextSteps.at(-1)).toBe(
      'Review the results in the next report, due around Sep 2, 2024.',
    );
  });

  it('dates the review in the time zone of the report', () => {
    // 2024-06-03T09:30Z + 7 days is 2024-06-10 09:30 UTC, still 2024-06-09 22:30 in Pago Pago (UTC-11).
    const settings = { timeZone: 'Pacific/Pago_Pago' };
    expect(fixtureView({ kind: 'weekly', settings }).nextSteps.at(-1)).toBe(
      'Review the results in the next report, due around Jun 9, 2024.',
    );
    expect(fixtureView({ kind: 'weekly' }).nextSteps.at(-1)).toBe(
      'Review the results in the next report, due around Jun 10, 2024.',
    );
  });

  it('keeps only the plans that return more than they cost', () => {
    // Only Hibernating returns more than it costs: 0.02 x 50,000 = 1,000 for 500.
    const playbook = Object.fromEntries(
      FIXTURE_SEGMENTS.filter((entry) => entry.key !== 'hibernating').map((entry) => [
        entry.key,
        { expectedUplift: 0 },
      ]),
    );
    const steps = fixtureView({ settings: { playbook } }).nextSteps;
    expect(steps).toEqual([
      'Hibernating (250 customers, budget $500): include in seasonal campaigns at low cost.',
      'Review the results in the next report, due around Jun 10, 2024.',
    ]);
  });

  it('uses the configured first action', () => {
    const call = { name: 'Call them this week', unitCost: 8, reach: 1 };
    const settings = {
      playbook: { potentialLoyalists: { subStrategies: [{ name: 'Calls', actions: [call] }] } },
    };
    expect(fixtureView({ settings }).nextSteps[0]).toBe(
      'Potential loyalists (300 customers, budget $2,400): call them this week.',
    );
  });
});
