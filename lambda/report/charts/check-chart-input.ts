/**
 * The shape a chart's input must have: a caller's mistake (a series shorter than its labels) would otherwise draw
 * a misleading chart without a word. These are programming errors, not a reader's: a RangeError naming the field.
 */
import type { CohortHeatmapInput, ForecastLineInput, SegmentAreasInput } from './chart-types.ts';

export function checkForecastLine(input: ForecastLineInput): void {
  nonEmpty(input.periods, 'periods');
  sameLength(input.values, input.periods, 'values');
  finite(input.values, 'values');
  for (const point of input.forecast) {
    finite([point.value, point.lower, point.upper], `forecast ${point.period}`);
    if (!(point.lower <= point.value && point.value <= point.upper)) {
      throw new RangeError(`forecast ${point.period}: the value must lie within [lower, upper]`);
    }
  }
}

export function checkSegmentAreas(input: SegmentAreasInput): void {
  nonEmpty(input.periods, 'periods');
  nonEmpty(input.segments, 'segments');
  for (const segment of input.segments) {
    sameLength(segment.values, input.periods, `segment ${segment.name}`);
    finite(segment.values, `segment ${segment.name}`);
  }
}

export function checkCohortHeatmap(input: CohortHeatmapInput): void {
  nonEmpty(input.cohorts, 'cohorts');
  sameLength(input.shares, input.cohorts, 'shares');
  input.shares.forEach((row, index) => {
    const known = row.filter((share): share is number => share !== null);
    finite(known, `shares of ${input.cohorts[index]}`);
    if (known.some((share) => share < 0 || share > 1)) {
      throw new RangeError(`shares of ${input.cohorts[index]}: a share lies between 0 and 1`);
    }
  });
}

function nonEmpty(values: readonly unknown[], field: string): void {
  if (values.length === 0) throw new RangeError(`${field}: at least one is needed to draw a chart`);
}

function sameLength(values: readonly unknown[], labels: readonly unknown[], field: string): void {
  if (values.length !== labels.length) {
    throw new RangeError(`${field}: ${values.length} values for ${labels.length} labels`);
  }
}

function finite(values: readonly number[], field: string): void {
  if (values.some((value) => !Number.isFinite(value)))
    throw new RangeError(`${field}: every value must be finite`);
}
