import { describe, expect, it } from 'vitest';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

describe('the footer, the recent-activity rule of the RFM segments', () => {
  it('names the segments that need a purchase in the activity window, and the window, in both languages', () => {
    const analysis = analysisFixture({ activeWindowDays: 60 });
    expect(fixtureView({ analysis }).footer.methods).toContain(
      'Champions, Loyal, Potential loyalists, New and Promising also require a purchase in the last 60 days; ' +
        'customers with those scores who have not bought since are in the next segment down that does not ' +
        'imply recent buying.',
    );
    expect(fixtureView({ analysis, settings: { locale: 'fr' } }).footer.methods).toContain(
      'Champions, Fidèles, Fidèles potentiels, Nouveaux et Prometteurs exigent aussi un achat dans les 60 ' +
        'derniers jours ; les clients ayant ces notes sans achat depuis sont dans le premier segment inférieur ' +
        'qui n’implique pas d’achat récent.',
    );
  });

  it('leaves it out when the input allows no RFM segments', () => {
    const methods = fixtureView({ analysis: analysisFixture({ rfm: null }) }).footer.methods;
    expect(methods.some((line) => line.includes('Champions'))).toBe(false);
  });
});

describe('the footer, the clusters of a saved segmentation (issue 18)', () => {
  const scored = analysisFixture({
    clusters: {
      selection: { method: 'model', candidates: [] },
      scoredWith: { source: 'reports/weekly/2025-W11', asOf: '2025-03-16', missing: {} },
    },
  });

  it('says the clusters are those fitted as of the model day, not refitted, in both languages', () => {
    const english = fixtureView({ analysis: scored }).footer.methods;
    expect(english).toContain(
      'Clusters: the segmentation fitted as of Mar 16, 2025 (K = 2), not refitted; each customer is ' +
        'scored to the nearest of its clusters.',
    );
    const french = fixtureView({ analysis: scored, settings: { locale: 'fr' } }).footer.methods;
    expect(french).toContain(
      'Groupes : la segmentation calculée au 16 mars 2025 (K = 2), non recalculée ; ' +
        'chaque client est rattaché au plus proche de ses groupes.',
    );
    // No K-means line claims a fit or a K chosen by silhouette that did not happen.
    for (const methods of [english, french]) {
      expect(methods.some((line) => line.startsWith('K-means'))).toBe(false);
    }
  });

  it('keeps the K-means line of a fitted analysis', () => {
    const methods = fixtureView({ analysis: analysisFixture() }).footer.methods;
    expect(methods.some((line) => line.startsWith('K-means') && line.includes('silhouette (0.43)'))).toBe(
      true,
    );
    expect(methods.some((line) => line.startsWith('Clusters: the segmentation'))).toBe(false);
  });
});

describe("the footer, RFM scores on a saved segmentation's ranges (issue 18)", () => {
  it("says the scores come from the saved ranges, not the file's quintiles, in both languages", () => {
    const base = analysisFixture();
    const analysis = { ...base, rfm: base.rfm && { ...base.rfm, savedRangesOf: '2025-03-16' } };
    const english = fixtureView({ analysis }).footer.methods;
    expect(english).toContain(
      'RFM: recency, frequency and monetary scored 1 to 5 on the score ranges of the segmentation fitted as of ' +
        "Mar 16, 2025 (its customers' quintiles), not on this file's; segments from the recency score and the " +
        'mean of the other two.',
    );
    expect(english.some((line) => line.includes('by quintiles (ties kept together)'))).toBe(false);
    const french = fixtureView({ analysis, settings: { locale: 'fr' } }).footer.methods;
    expect(
      french.some((line) => line.startsWith('RFM : ') && line.includes('calculée au 16 mars 2025')),
    ).toBe(true);
  });
});
