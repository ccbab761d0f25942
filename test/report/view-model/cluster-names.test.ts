/**
 * Cluster names worded from their traits: the built-in column families in English and French, spending categories
 * said once, the settings' labels first (by column or by the header column a date feature comes from), unique
 * names, at most MAX_NAME_LENGTH characters, and RFM names kept as the engine gives them.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import type { ClusterTrait } from '../../../lambda/engine/clustering/segmentation/clustering-types.ts';
import { columnMeaning } from '../../../lambda/report/locale/column-labels.ts';
import { parseReportSettings, type ReportSettingsInput } from '../../../lambda/report/report-settings.ts';
import {
  clusterNames,
  MAX_NAME_LENGTH,
  wordTraits,
} from '../../../lambda/report/view-model/cluster-names.ts';

const high = (feature: string): ClusterTrait => ({ feature, high: true });
const low = (feature: string): ClusterTrait => ({ feature, high: false });

function words(traits: ClusterTrait[]): { en: string; fr: string } {
  return { en: wordTraits(traits, 'en', columnMeaning), fr: wordTraits(traits, 'fr', columnMeaning) };
}

describe('wordTraits with the built-in labels', () => {
  it('says spending categories of one direction once, where the first stands', () => {
    expect(words([high('MntWines'), high('Income'), high('MntMeatProducts')])).toEqual({
      en: 'Wine and meat buyers, high income',
      fr: 'Acheteurs de vin et de viande, revenu élevé',
    });
    expect(words([low('MntWines'), low('MntFruits'), low('MntGoldProds')])).toEqual({
      en: 'Low wine, fruit and gold spending',
      fr: 'Peu d’achats de vin, de fruits et d’or',
    });
    expect(words([high('MntWines'), low('MntSweetProducts')])).toEqual({
      en: 'Wine buyers, low sweets spending',
      fr: 'Acheteurs de vin, peu d’achats de sucreries',
    });
  });

  it('words each family of Customer Personality columns in both languages', () => {
    expect(words([high('NumWebPurchases'), low('NumStorePurchases')])).toEqual({
      en: 'Frequent web buyers, few store purchases',
      fr: 'Achats en ligne fréquents, peu d’achats en magasin',
    });
    expect(words([high('NumDealsPurchases'), high('NumWebVisitsMonth')])).toEqual({
      en: 'Deal seekers, frequent site visitors',
      fr: 'Chasseurs de promotions, visites web fréquentes',
    });
    expect(words([high('Kidhome'), low('Teenhome')])).toEqual({
      en: 'With young children, no teenagers',
      fr: 'Avec jeunes enfants, sans adolescents',
    });
    expect(words([high('AcceptedCmp3'), high('Response')])).toEqual({
      en: 'Campaign 3 responders, last campaign responders',
      fr: 'Réceptifs à la campagne 3, réceptifs à la dernière campagne',
    });
    expect(words([low('Recency'), high('Year_Birth')])).toEqual({
      en: 'Recent buyers, younger',
      fr: 'Acheteurs récents, plus jeunes',
    });
    expect(words([high('Dt_Customer_days_since'), low('Complain')])).toEqual({
      en: 'Long-standing customers, no complaints',
      fr: 'Clients de longue date, sans réclamation',
    });
  });

  it('reads an unknown column as its name in words, prefixes of known families dropped', () => {
    expect(words([high('loyalty_points'), low('MntToysAndGames')])).toEqual({
      en: 'High loyalty points, low toys and games spending',
      fr: 'Loyalty points élevé, peu d’achats de toys and games',
    });
    expect(words([high('NumPhonePurchases')]).en).toBe('Frequent phone buyers');
  });

  it(`keeps as many traits as fit in ${MAX_NAME_LENGTH} characters, the first always`, () => {
    const traits = [high('NumDealsPurchases'), low('AcceptedCmp1'), low('Response'), high('Kidhome')];
    const { en, fr } = words(traits);
    expect(en).toBe('Deal seekers, ignored campaign 1, ignored last campaign');
    expect(fr).toBe('Chasseurs de promotions, insensibles à la campagne 1');
    expect(wordTraits([high('x'.repeat(80))], 'en', columnMeaning)).toBe(`High ${'x'.repeat(80)}`);
  });
});

/** An analysis of a customer table whose clusters have these traits (or none: an RFM name). */
function analysisWith(clusters: { key: string; en: string; traits?: ClusterTrait[] }[]): Analysis {
  return {
    input: { columns: { Dt_Customer_days_since: 'Dt_Customer', MntWines: 'MntWines' } },
    clusters: {
      clusters: clusters.map(({ key, en, traits }) => ({
        key,
        name: { en, fr: `${en} (fr)` },
        ...(traits ? { traits } : {}),
      })),
    },
  } as unknown as Analysis;
}

function namesOf(analysis: Analysis, settings: ReportSettingsInput): string[] {
  return [...clusterNames(analysis, parseReportSettings(settings)).values()];
}

describe('clusterNames', () => {
  it('keeps the engine names of clusters without traits, in the report language', () => {
    const analysis = analysisWith([{ key: 'high-value-loyal', en: 'High-value loyal' }]);
    expect(namesOf(analysis, { locale: 'fr' })).toEqual(['High-value loyal (fr)']);
  });

  it('takes the settings label of a column, or of the header column a date feature comes from', () => {
    const analysis = analysisWith([
      { key: 'a', en: 'High Dt_Customer_days_since', traits: [high('Dt_Customer_days_since')] },
      { key: 'b', en: 'Low MntWines', traits: [low('MntWines')] },
    ]);
    const columnLabels = {
      Dt_Customer: { en: { high: 'Early members', low: 'Recent members' }, fr: 'ancienneté' },
      MntWines: { en: 'wine', fr: 'vin' },
    };
    expect(namesOf(analysis, { columnLabels })).toEqual(['Early members', 'Low wine']);
    expect(namesOf(analysis, { locale: 'fr', columnLabels })).toEqual(['Ancienneté élevé', 'Vin faible']);
    // Names of the prototype do not count as columns.
    expect(namesOf(analysis, { columnLabels: JSON.parse('{"__proto__": {"en": "x", "fr": "x"}}') })).toEqual([
      'Long-standing customers',
      'Low wine spending',
    ]);
  });

  it('numbers a name that the labels make the same as an earlier one', () => {
    const analysis = analysisWith([
      { key: 'a', en: 'High Income', traits: [high('Income')] },
      { key: 'b', en: 'High Salary', traits: [high('Salary')] },
      { key: 'c', en: 'High Pay', traits: [high('Pay')] },
    ]);
    const same = { en: { high: 'Well paid', low: 'Badly paid' }, fr: 'revenu' };
    expect(namesOf(analysis, { columnLabels: { Income: same, Salary: same, Pay: same } })).toEqual([
      'Well paid',
      'Well paid (2)',
      'Well paid (3)',
    ]);
  });
});
