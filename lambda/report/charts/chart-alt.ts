/**
 * The alt text of each chart, built from the same inputs as the image, so that a reader who cannot see the image
 * (images blocked, a screen reader) gets its numbers: where the series starts and ends, the forecast's range,
 * each segment's change, the retention's extremes.
 */
import type { CohortHeatmapInput, ForecastLineInput, SegmentAreasInput } from './chart-types.ts';

/** "Revenue by month, Dec 2010 to Dec 2011: from 570K to 1.16M; forecast for the next 3 months 0.9M to 1.2M". */
export function forecastLineAlt(input: ForecastLineInput): string {
  const { wording, formatValue } = input;
  const parts = [`${input.title}, ${wording.span(first(input.periods), last(input.periods))}`];
  const sentences = [wording.change(formatValue(first(input.values)), formatValue(last(input.values)))];
  if (input.forecast.length > 0) {
    const low = Math.min(...input.forecast.map((point) => point.lower));
    const high = Math.max(...input.forecast.map((point) => point.upper));
    sentences.push(wording.forecast(input.forecast.length, input.unit, formatValue(low), formatValue(high)));
  }
  return `${parts.join('')}${wording.colon}${sentences.join('; ')}`;
}

/** "Active customers by segment, Jan 2011 to Dec 2011: Champions from 120 to 180; ...; total from 900 to 1,200". */
export function segmentAreasAlt(input: SegmentAreasInput): string {
  const { wording, formatValue } = input;
  const changes = input.segments.map(
    (segment) =>
      `${segment.name} ${wording.change(formatValue(first(segment.values)), formatValue(last(segment.values)))}`,
  );
  const totals = input.periods.map((_, index) =>
    input.segments.reduce((sum, segment) => sum + (segment.values[index] ?? 0), 0),
  );
  changes.push(`${wording.total} ${wording.change(formatValue(first(totals)), formatValue(last(totals)))}`);
  return `${input.title}, ${wording.span(first(input.periods), last(input.periods))}${wording.colon}${changes.join('; ')}`;
}

/**
 * "Retention by cohort, 13 cohorts, Dec 2010 to Dec 2011: after 1 month: lowest 10% (Mar 2011), highest 38%
 * (Dec 2010); after 12 months: ...": the first period since and the last one any cohort reached.
 */
export function cohortHeatmapAlt(input: CohortHeatmapInput): string {
  const { wording, formatValue } = input;
  const head = `${input.title}, ${wording.cohorts(input.cohorts.length, wording.span(first(input.cohorts), last(input.cohorts)))}`;
  const columns = Math.max(0, ...input.shares.map((row) => row.length));
  const described = columns > 1 ? [1, columns] : columns === 1 ? [1] : [];
  const sentences = described.flatMap((after) => {
    const known = input.cohorts.flatMap((cohort, row) => {
      const share = input.shares[row]?.[after - 1];
      return share === null || share === undefined ? [] : [{ cohort, share }];
    });
    if (known.length === 0) return [];
    // The earliest cohort wins a tie: it has the longer history behind its share.
    const low = known.reduce((best, next) => (next.share < best.share ? next : best));
    const high = known.reduce((best, next) => (next.share > best.share ? next : best));
    return [
      wording.retention(
        after,
        input.unit,
        formatValue(low.share),
        low.cohort,
        formatValue(high.share),
        high.cohort,
      ),
    ];
  });
  return sentences.length === 0 ? head : `${head}${wording.colon}${sentences.join('; ')}`;
}

function first<T>(values: readonly T[]): T {
  return values[0] as T;
}

function last<T>(values: readonly T[]): T {
  return values[values.length - 1] as T;
}
