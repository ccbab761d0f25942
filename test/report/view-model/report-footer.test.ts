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
