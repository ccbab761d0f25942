// The summary's lines on a file scored with a saved segmentation: as prospects or not, and the features it took at
// the model's median.
import { makeFormatters } from '../report/locale/formatters.ts';
import type { ProspectScoring } from '../engine/clustering/saved/score-file.ts';

/** What scoring took at the model's median, feature by feature: "monetary: 12 customers without a value". */
const { integer, percent } = makeFormatters('en', undefined, 'UTC');

/** How prospects were scored, and how far the prospect model can be trusted. */
export function prospectLines(prospects: ProspectScoring | undefined): string[] {
  if (!prospects) return [];
  return [
    `  the file has no purchase values: scored as prospects on ${prospects.features.join(', ')}`,
    `  (the prospect model agreed with the full model on ${percent(prospects.holdoutAgreement)} of held-out customers; always the largest cluster: ${percent(prospects.majorityShare)})`,
  ];
}

export function missingFeatureLines(missing: Record<string, number>, customers: number): string[] {
  const lacking = Object.entries(missing).filter(([, count]) => count > 0);
  if (lacking.length === 0) return ['  every feature of the model had a value for every customer'];
  return [
    "  features without a value, taken at the model's median:",
    ...lacking.map(([feature, count]) =>
      count >= customers
        ? `    ${feature}: no such column or value in the file (every customer)`
        : `    ${feature}: ${integer(count)} customer${count === 1 ? '' : 's'}`,
    ),
  ];
}
