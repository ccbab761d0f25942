/**
 * The value outlook: what the customer-value model expects over the horizon per segment, the customers likely to
 * be lost and what they would bring if won back, the high-value customers to protect (a count, never names), and
 * one line of the backtest's accuracy. When the predictions are withheld, the section says why in one line.
 */
import type { ValueOutlook } from '../templates/sections/value-outlook-section.ts';
import type { ReportContext } from './report-context.ts';

/** The outlook of a transaction log's analysis; null for a customer table or with the value models off. */
export function valueOutlook(context: ReportContext): ValueOutlook | null {
  const value = context.analysis.value;
  if (!value) return null;
  const { messages, format } = context;
  const words = messages.valueOutlook;
  const horizonMonths = format.integer(value.horizonMonths);
  const { purchases } = value.backtest;
  const accuracy =
    purchases === null
      ? words.notCompared
      : words.accuracy({
          modelError: format.ratio(purchases.modelMae),
          baselineError: format.ratio(purchases.baselineMae),
          days: format.integer(value.backtest.split.holdoutDays),
        });
  if (value.verdict.status === 'withheld') {
    return {
      title: words.title(horizonMonths),
      summary: [words.withheld[value.verdict.reason]],
      columns: null,
      rows: [],
      accuracy,
    };
  }
  const groups = context.primaryGroups.filter((group) => group.value !== null && group.kpis.customers > 0);
  const rows = groups.map((group) => ({
    segment: group.name,
    predictedValue: money(format, group.value?.predictedValue ?? null),
    likelyLost: format.integer(group.value?.customersLikelyLost ?? 0),
    valueIfRetained: money(format, group.value?.valueIfRetained ?? null),
  }));
  const lostValue = groups.reduce((sum, group) => sum + (group.value?.valueIfRetained ?? 0), 0);
  const levels = new Map(value.priority?.levels.map((level) => [level.key, level.customers]));
  const protect = (levels.get('strategic') ?? 0) + (levels.get('save') ?? 0);
  return {
    title: words.title(horizonMonths),
    summary: [
      value.totalPredictedValue === null
        ? words.valueWithheld({ customers: format.integer(value.customersScored) })
        : words.total({
            value: format.money(value.totalPredictedValue),
            customers: format.integer(value.customersScored),
            months: horizonMonths,
          }),
      words.likelyLost({
        customers: format.integer(value.customersLikelyLost ?? 0),
        value: rows.length > 0 ? format.money(lostValue) : '–',
      }),
      words.protect({ customers: format.integer(protect) }),
    ],
    columns: rows.length > 0 ? words.columns : null,
    rows,
    accuracy,
  };
}

function money(format: ReportContext['format'], amount: number | null): string {
  return amount === null ? '–' : format.money(amount);
}
