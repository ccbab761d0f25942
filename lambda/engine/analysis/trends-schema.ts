/**
 * The schema of the file's own history (Analysis.trends, trends/compute-trends.ts), beside the analysis schema.
 * Besides each field's kind, what a chart or a forecast built on it assumes: every series has one entry per
 * period, a cohort one per period from its own to the last, and an average order value is null exactly where the
 * period has no order (a null beside orders would be a number lost, not an empty period).
 */
import * as z from 'zod';
import { count, finite, flag, isoDay, list, object, oneOf, share } from './schema-words.ts';
import { RFM_SEGMENT_KEYS } from '../rfm/rfm-segments.ts';
import { outlookSchema } from './outlook-schema.ts';

const counts = list(count);
const amounts = list(finite);

const trendsShape = object({
  unit: oneOf(['month', 'week']),
  periods: list(object({ start: isoDay, end: isoDay, partial: flag })),
  base: object({
    revenue: amounts,
    orders: counts,
    activeCustomers: counts,
    newCustomers: counts,
    returningCustomers: counts,
    averageOrderValue: list(finite.nullable()),
  }),
  segments: list(
    object({
      key: oneOf(RFM_SEGMENT_KEYS),
      members: counts,
      buyers: counts,
      revenue: amounts,
      orders: counts,
    }),
  ),
  cohorts: list(
    object({ period: count, customers: count, buyingShare: list(share), revenuePerCustomer: amounts }),
  ),
  outlook: outlookSchema.nullable(),
  fromArchive: count.exactOptional(),
});

type TrendsShape = z.output<typeof trendsShape>;

export const trendsSchema = trendsShape.superRefine((trends, context) => {
  const periods = trends.periods.length;
  const alignedLists: [readonly (string | number)[], readonly unknown[]][] = [
    ...Object.entries(trends.base).map(([key, values]): [string[], unknown[]] => [['base', key], values]),
    ...trends.segments.flatMap((segment, index) =>
      (['members', 'buyers', 'revenue', 'orders'] as const).map((key): [(string | number)[], unknown[]] => [
        ['segments', index, key],
        segment[key],
      ]),
    ),
  ];
  for (const [path, values] of alignedLists) {
    if (values.length !== periods) {
      context.addIssue({
        code: 'custom',
        path: [...path],
        message: `expected ${periods} entries, one a period`,
      });
    }
  }
  cohortIssues(trends, context);
  outlookIssues(trends, context);
  trends.base.averageOrderValue.forEach((value, period) => {
    const orders = trends.base.orders[period];
    // Which of the two is wrong cannot be told: a null average beside orders names the average (a number lost),
    // a number beside no orders names the orders.
    if (value === null && orders !== 0) {
      context.addIssue({
        code: 'custom',
        path: ['base', 'averageOrderValue', period],
        message: 'expected a number for a period with orders, and null for one without',
      });
    } else if (value !== null && orders === 0) {
      context.addIssue({
        code: 'custom',
        path: ['base', 'orders', period],
        message: 'expected orders in a period with an average order value',
      });
    }
  });
});

/**
 * Each cohort starts at one of the periods and has an entry for it and each one after: when its lists do not fit
 * its period, the period is what is named (a list cut short would already fail on its missing entries).
 */
function cohortIssues(trends: TrendsShape, context: z.RefinementCtx): void {
  trends.cohorts.forEach((cohort, index) => {
    const expected = trends.periods.length - cohort.period;
    const shares = cohort.buyingShare.length;
    if (shares === cohort.revenuePerCustomer.length && shares !== expected) {
      context.addIssue({
        code: 'custom',
        path: ['cohorts', index, 'period'],
        message: `expected ${trends.periods.length - shares}, the period whose cohort has ${shares} entries, one a period from it`,
      });
      return;
    }
    for (const key of ['buyingShare', 'revenuePerCustomer'] as const) {
      if (cohort[key].length !== expected) {
        context.addIssue({
          code: 'custom',
          path: ['cohorts', index, key],
          message: `expected ${Math.max(expected, 0)} entries, one a period from the cohort's`,
        });
      }
    }
  });
}

/** The outlook's periods are periods of the trends: its history at most all of them, each warning's one of them. */
function outlookIssues(trends: TrendsShape, context: z.RefinementCtx): void {
  const { outlook } = trends;
  if (!outlook) return;
  const periods = trends.periods.length;
  if (outlook.history > periods) {
    context.addIssue({
      code: 'custom',
      path: ['outlook', 'history'],
      message: `expected at most ${periods}, the periods of the trends`,
    });
  }
  outlook.warnings.forEach((warning, index) => {
    // The period a warning points at (a falling run's length counts changes between periods, so below them too).
    const pointed =
      warning.kind === 'cohort-retention'
        ? (['cohort', warning.cohort] as const)
        : warning.kind === 'outside-interval'
          ? (['period', warning.period] as const)
          : warning.kind === 'falling'
            ? (['periods', warning.periods] as const)
            : undefined;
    if (pointed && pointed[1] >= periods) {
      context.addIssue({
        code: 'custom',
        path: ['outlook', 'warnings', index, pointed[0]],
        message: `expected less than ${periods}, the periods of the trends`,
      });
    }
  });
}
