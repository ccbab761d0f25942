import { describe, expect, it } from 'vitest';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

describe('dataQuality', () => {
  it('lists rows read and used, then each rejection reason with a count', () => {
    // Fixture: 5,230 read, 5,000 used; 200 cancellations, 30 without customer, 0 unreadable dates.
    expect(fixtureView().dataQuality.facts).toEqual([
      { label: 'Rows read', value: '5,230' },
      { label: 'Rows used', value: '5,000' },
      { label: 'Rejected: cancellations', value: '200' },
      { label: 'Rejected: no customer id', value: '30' },
    ]);
  });

  it('leaves out reasons with a zero count', () => {
    const analysis = analysisFixture({
      input: { rowsRead: 5000, rowsRejected: { cancelled: 0, missingCustomer: 0, futureDate: 0 } },
    });
    expect(fixtureView({ analysis }).dataQuality.facts.map((fact) => fact.label)).toEqual([
      'Rows read',
      'Rows used',
    ]);
  });

  it('names customer-table rejections in the report language', () => {
    const analysis = analysisFixture({ input: { rowsRejected: { duplicateCustomer: 3 } } });
    expect(fixtureView({ analysis, settings: { locale: 'fr' } }).dataQuality.facts[2]).toEqual({
      label: 'Rejetées : identifiant client en double',
      value: '3',
    });
  });

  it('notes the customers set aside as ambiguous between two clusters', () => {
    expect(fixtureView().dataQuality.notes).toEqual([
      '12 customers sit between two groups (margin under 0.10) and are set aside as ambiguous.',
    ]);
    const none = analysisFixture({ clusters: { ambiguousCustomers: 0 } });
    expect(fixtureView({ analysis: none }).dataQuality.notes).toEqual([]);
  });

  it('notes that clustering was skipped, in the report language, and then says nothing of ambiguous customers', () => {
    const analysis = analysisFixture({
      kpis: { customers: 7 },
      clusters: { skipped: 'too few customers to cluster (7)', clusters: [], ambiguousCustomers: 12 },
    });
    expect(fixtureView({ analysis }).dataQuality.notes).toEqual([
      'K-means clustering was skipped: 7 customers are too few to form groups; RFM segments and KPIs are still computed.',
    ]);
    expect(fixtureView({ analysis, settings: { locale: 'fr' } }).dataQuality.notes).toEqual([
      'Le regroupement K-means n’a pas été fait : 7 clients sont trop peu pour former des groupes ; les segments RFM et les indicateurs sont bien calculés.',
    ]);
  });

  it('notes characters that could not be decoded', () => {
    const analysis = analysisFixture({ input: { undecodableCharacters: 1234 } });
    expect(fixtureView({ analysis }).dataQuality.notes).toContain(
      '1,234 characters could not be decoded and were replaced.',
    );
  });
});
