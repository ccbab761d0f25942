// Issue 18 on Customer Personality: the real analysis gives the full model's clusters; the prospect model, trained
// on the descriptive columns only (Year_Birth, Income, Kidhome, Teenhome), must agree with them on a held-out fifth
// above the floor the README states, and well above always answering the commonest cluster.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../../lambda/engine/analysis/analysis-types.ts';
import { descriptiveFeatures } from '../../../../lambda/engine/customer-table/descriptive-features.ts';
import { scoreProspects } from '../../../../lambda/engine/clustering/prospects/score-prospects.ts';
import { trainProspectModel } from '../../../../lambda/engine/clustering/prospects/train-prospect-model.ts';
import type { FeatureTable } from '../../../../lambda/engine/clustering/segmentation/clustering-types.ts';
import { findCustomerTableRoles } from '../../../../lambda/engine/customer-table/customer-table-columns.ts';
import { CUSTOMER_PERSONALITY, readRealDataText } from '../../../../tools/real-data.ts';
import { analyzeFile } from '../../../support/analyze-file.ts';

/**
 * The floor of the README's "Prospects" section: measured 90.3% on average over 20 seeds (lowest 88.4%, standard
 * deviation 1.2 points), so 85% leaves four standard deviations for a seed; the commonest cluster alone gets 53%.
 */
const AGREEMENT_FLOOR = 0.85;
/** The least the model must add to the baseline of answering the commonest cluster: 25 points. */
const MARGIN_OVER_BASELINE = 0.25;
const SEEDS = [1, 2, 3, 42, 2024];

let analysis: AnalysisResult;
let features: string[];
let table: FeatureTable;
let clusterOfRow: Int32Array;

beforeAll(async () => {
  analysis = await analyzeFile(CUSTOMER_PERSONALITY);
  const header = (readRealDataText(CUSTOMER_PERSONALITY).split(/\r?\n/, 1)[0] ?? '').split('\t');
  features = descriptiveFeatures(analysis.analysis.input.columns, header, findCustomerTableRoles(header));
  const customers = [...analysis.customers];
  const names = analysis.analysis.clusters.clusters.map((cluster) => cluster.name.en);
  table = {
    names: features,
    values: Float64Array.from(
      customers.flatMap((customer) => features.map((name) => customer.features?.[name] ?? Number.NaN)),
    ),
    rowCount: customers.length,
  };
  clusterOfRow = Int32Array.from(customers, (customer) => names.indexOf(customer.cluster ?? ''));
});

describe('prospects of Customer Personality', () => {
  it('are scored on the four descriptive columns, not on purchases, visits, campaigns or tenure', () => {
    expect(features).toEqual(['Year_Birth', 'Income', 'Kidhome', 'Teenhome']);
    expect(table.rowCount).toBe(2_240);
    expect(clusterOfRow.every((cluster) => cluster >= 0)).toBe(true);
  });

  it(`agree with the full model on a held-out fifth above ${100 * AGREEMENT_FLOOR}% for every seed tried`, () => {
    for (const seed of SEEDS) {
      const model = trainProspectModel(table, clusterOfRow, analysis.analysis.clusters.k, seed);
      expect(model).toMatchObject({ trainRows: 2_240, holdoutRows: 448 });
      expect(model.holdoutAgreement).toBeGreaterThan(AGREEMENT_FLOOR);
      expect(model.holdoutAgreement).toBeGreaterThan(model.majorityShare + MARGIN_OVER_BASELINE);
    }
  });

  it('give every prospect a cluster and a probability, and take a missing income at the mean', () => {
    const model = trainProspectModel(table, clusterOfRow, analysis.analysis.clusters.k, 42);
    const withoutIncome = {
      ...table,
      values: table.values.map((value, index) => (index % 4 === 1 ? Number.NaN : value)),
    };
    const scored = scoreProspects(model, withoutIncome);
    expect(scored.missing).toEqual({ Year_Birth: 0, Income: 2_240, Kidhome: 0, Teenhome: 0 });
    expect(scored.confidence.every((confidence) => confidence >= 0.5 && confidence <= 1)).toBe(true);
    // Scored on all four, the shipped model (fitted on every customer) agrees above the floor too.
    const full = scoreProspects(model, table).clusters;
    const agreeing = full.filter((cluster, row) => cluster === clusterOfRow[row]).length / table.rowCount;
    expect(agreeing).toBeGreaterThan(AGREEMENT_FLOOR);
  });
});
