/**
 * The trends' early warnings (engine/trends/trend-warnings.ts) in words: one sentence each, with its numbers, for
 * the alerts section; the strongest one also leads the key points. The thresholds are the ones the analysis drew
 * the warnings with (trends.outlook.thresholds, from the settings' trendWarnings); the footer's method line states
 * them.
 */
import { RFM_SEGMENT_NAMES } from '../../engine/rfm/rfm-segments.ts';
import type { Trends } from '../../engine/trends/compute-trends.ts';
import type { TrendWarning } from '../../engine/trends/trend-warnings.ts';
import { WARNING_DEFAULTS, type WarningThresholds } from '../../engine/trends/warnings/warning-rules.ts';
import type { KeyPoint } from '../templates/sections/key-points-section.ts';
import type { ReportContext } from './report-context.ts';

/** One sentence per warning, in the engine's order; none without trends. */
export function trendAlerts(context: ReportContext): string[] {
  const trends = context.analysis.trends;
  return (trends?.outlook?.warnings ?? []).map((warning) =>
    warningSentence(context, trends as Trends, warning),
  );
}

/**
 * The strongest warning as a key point: the largest relative shortfall (a fall's drop from its start, the
 * distance below the interval, a cohort's drop from the earlier mean, the share of a volatility above the earlier one). A value
 * above its interval is good news, spoken of only when nothing else warns.
 */
export function trendKeyPoint(context: ReportContext): KeyPoint | null {
  const trends = context.analysis.trends;
  const warnings = trends?.outlook?.warnings ?? [];
  if (!trends || warnings.length === 0) return null;
  const ranked = [...warnings].sort(
    (a, b) => Number(isGoodNews(a)) - Number(isGoodNews(b)) || strength(b) - strength(a),
  );
  const strongest = ranked[0] as TrendWarning;
  return {
    segment: strongest.kind === 'cohort-retention' ? '' : segmentName(context, strongest.segment),
    text: context.messages.trends.warningPoint(warningSentence(context, trends, strongest)),
  };
}

function isGoodNews(warning: TrendWarning): boolean {
  return warning.kind === 'outside-interval' && warning.direction === 'above';
}

/** How far the warning is from normal, relatively (0 when it cannot tell). */
export function strength(warning: TrendWarning): number {
  const relative = (gap: number, scale: number) => (scale > 0 ? gap / scale : 0);
  switch (warning.kind) {
    case 'falling':
      return relative(warning.from - warning.to, warning.from);
    case 'outside-interval':
      return warning.direction === 'below'
        ? relative(warning.lower - warning.actual, warning.lower)
        : relative(warning.actual - warning.upper, warning.upper);
    case 'cohort-retention':
      return relative(warning.earlierMean - warning.share, warning.earlierMean);
    case 'volatile':
      // The share of the recent volatility above the earlier one: 0 when equal, towards 1 as it grows.
      return relative(warning.ratio - 1, warning.ratio);
  }
}

function segmentName({ settings }: ReportContext, segment: keyof typeof RFM_SEGMENT_NAMES | null): string {
  return segment === null ? '' : RFM_SEGMENT_NAMES[segment][settings.locale];
}

/** The warning in one sentence: money for revenue, counts for customers, shares for cohorts. */
export function warningSentence(context: ReportContext, trends: Trends, warning: TrendWarning): string {
  const { messages, format } = context;
  const words = messages.trends;
  const unit = trends.unit;
  const label = (period: number) => format.period(trends.periods[period]?.start ?? '', unit);
  const thresholds = thresholdsOf(trends);
  if (warning.kind === 'cohort-retention') {
    return words.warning.cohortRetention({
      cohort: label(warning.cohort),
      share: format.percent(warning.share),
      earlierMean: format.percent(warning.earlierMean),
      earlierCohorts: warning.earlierCohorts,
      unit,
      points: format.decimal(thresholds.cohortDropPoints * 100, 0),
    });
  }
  const subject = words.subject(
    warning.segment === null
      ? { series: warning.series as 'revenue' | 'activeCustomers', segment: null }
      : { series: warning.series as 'revenue' | 'buyers', segment: segmentName(context, warning.segment) },
  );
  const value = (amount: number) =>
    warning.series === 'revenue' ? format.money(amount) : format.integer(amount);
  switch (warning.kind) {
    case 'outside-interval':
      return words.warning.outsideInterval({
        subject,
        direction: warning.direction,
        period: label(warning.period),
        actual: value(warning.actual),
        lower: value(warning.lower),
        upper: value(warning.upper),
        level: format.percent(trends.outlook?.base.level ?? 0),
      });
    case 'falling':
      return words.warning.falling({
        subject,
        periods: warning.periods,
        unit,
        from: value(warning.from),
        to: value(warning.to),
      });
    case 'volatile':
      return words.warning.volatile({
        subject,
        recent: format.percent(warning.recent),
        before: format.percent(warning.before),
        window: thresholds.volatilityWindow,
        unit,
        ratio: format.ratio(warning.ratio),
        threshold: format.ratio(thresholds.volatilityRatio),
      });
  }
}

/** The footer's line on the trends: periods, forecast, and the warnings' thresholds; null without a forecast. */
export function trendsMethod({ analysis, messages, format }: ReportContext): string | null {
  const outlook = analysis.trends?.outlook;
  if (!outlook) return null;
  const { thresholds } = outlook;
  return messages.trends.method({
    horizon: outlook.base.horizon,
    level: format.percent(outlook.base.level),
    fallingPeriods: thresholds.fallingPeriods,
    volatilityRatio: format.decimal(thresholds.volatilityRatio, 1),
    volatilityWindow: thresholds.volatilityWindow,
    cohortDropPoints: format.decimal(thresholds.cohortDropPoints * 100, 0),
    cohortMinCustomers: format.integer(thresholds.cohortMinCustomers),
  });
}

/** The thresholds the warnings were drawn with. */
function thresholdsOf(trends: Trends): WarningThresholds {
  return trends.outlook?.thresholds ?? WARNING_DEFAULTS;
}
