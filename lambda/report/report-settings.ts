/**
 * What the report can be told: language, currency, time zone, names, playbook overrides, alert thresholds and KPI
 * targets. One zod schema, defaults merged once here; `parseReportSettings` fails with the name of what is wrong.
 * Every number has a plausible range (shares 0 to 1; the playbook's money in STRATEGY_BOUNDS and ACTION_BOUNDS),
 * so that no budget, return or ROI of the report can overflow.
 */
import * as z from 'zod';
import { type ColumnLabelOverrides, columnLabelsSchema } from './column-label-settings.ts';
import { DEFAULT_PLAYBOOK } from './playbook/default-playbook.ts';
import { mergePlaybook, type Playbook, strategyOverrideSchema } from './playbook/strategy.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';
import type { WarningThresholds } from '../engine/trends/warnings/warning-rules.ts';
import { trendWarningsSchema, trendWarningThresholds } from './trend-warning-settings.ts';

export const REPORT_LOCALES = ['en', 'fr'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/** Alert thresholds: an alert shows only when its threshold is crossed. */
export const DEFAULT_ALERT_THRESHOLDS = {
  /** Share of customers inactive (no purchase within the active window, 90 days by default) above which to alert. */
  maxInactiveShare: 0.3,
  /** Drop in average order value since the previous report (0.2 = 20%) above which to alert. */
  maxAverageOrderValueDrop: 0.2,
  /** Monthly churn (from the retention of the active window) above which to alert. */
  maxMonthlyChurn: 0.05,
  /** Share of revenue held by at-risk customers above which to alert. */
  maxAtRiskRevenueShare: 0.2,
};

/** KPI targets shown in "KPIs to watch". */
export const DEFAULT_KPI_TARGETS = {
  repeatRate: 0.6,
  retentionRate: 0.75,
  activeShare: 0.7,
  /** A ceiling, not a floor. */
  atRiskCustomerShare: 0.15,
};

/** Alert thresholds and KPI targets are shares: 0 to 1, where 0.3 is 30%. */
const SHARE_MESSAGE = 'must be a share from 0 to 1 (0.3 = 30%)';
const share = z.number({ error: SHARE_MESSAGE }).min(0, SHARE_MESSAGE).max(1, SHARE_MESSAGE);
export const TIME_ZONE_MESSAGE = 'must be an IANA time zone such as Europe/Paris';
const timeZone = z.string().refine(isTimeZone, { message: TIME_ZONE_MESSAGE });
/** At most this many playbook entries (the RFM segments, the cluster names and a few more). */
export const MAX_PLAYBOOK_ENTRIES = 100;

const TOTAL_BUDGET_MESSAGE = 'must be a number of currency units from 0 to 1e12';

export const reportSettingsSchema = z
  .object({
    locale: z.enum(REPORT_LOCALES).default('en'),
    /**
     * ISO 4217 code of the amounts when the file names none (a currency the file names wins: report-currency.ts);
     * no default: with neither, amounts are plain numbers, "in the file's currency".
     */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code such as EUR' })
      .optional(),
    timeZone: timeZone.default('UTC'),
    /** Shown in the header and the subject; a default title in the report's language otherwise. */
    reportName: z.string().min(1).max(120).optional(),
    companyName: z.string().min(1).max(120).optional(),
    /** Customer tables: words for columns that cluster names are made of, by column name (column-labels.ts). */
    columnLabels: columnLabelsSchema.default({}),
    /**
     * The money available for paid plans over the period, in currency units: plans are funded by expected ROI,
     * best first, while it lasts. No limit when absent.
     */
    totalBudget: z
      .number({ error: TOTAL_BUDGET_MESSAGE })
      .min(0, TOTAL_BUDGET_MESSAGE)
      .max(1e12, TOTAL_BUDGET_MESSAGE)
      .optional(),
    playbook: z
      .record(z.string().min(1).max(100), strategyOverrideSchema, {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? 'must be a segment or cluster key of 1 to 100 characters'
            : undefined,
      })
      .refine((entries) => Object.keys(entries).length <= MAX_PLAYBOOK_ENTRIES, {
        message: `must have at most ${MAX_PLAYBOOK_ENTRIES} entries`,
      })
      .default({}),
    alerts: z
      .object({
        maxInactiveShare: share,
        maxAverageOrderValueDrop: share,
        maxMonthlyChurn: share,
        maxAtRiskRevenueShare: share,
      })
      .partial()
      .strict()
      .default({}),
    targets: z
      .object({ repeatRate: share, retentionRate: share, activeShare: share, atRiskCustomerShare: share })
      .partial()
      .strict()
      .default({}),
    trendWarnings: trendWarningsSchema,
  })
  .strict();

export type ReportSettingsInput = z.input<typeof reportSettingsSchema>;

/** Settings with every default filled in. */
export interface ReportSettings {
  locale: ReportLocale;
  /** The configured currency; undefined: none configured (never a default one). */
  currency: string | undefined;
  timeZone: string;
  reportName: string | undefined;
  companyName: string | undefined;
  /** The settings' own words for columns in cluster names; empty: the built-in labels. */
  columnLabels: ColumnLabelOverrides;
  /** Money for paid plans over the period; undefined: no limit. */
  totalBudget: number | undefined;
  playbook: Playbook;
  alerts: typeof DEFAULT_ALERT_THRESHOLDS;
  targets: typeof DEFAULT_KPI_TARGETS;
  /** The thresholds of the trends' early warnings, over the engine's defaults. */
  trendWarnings: WarningThresholds;
}

/**
 * Validates settings and fills in the defaults; throws InvalidOptionError naming where the settings come from
 * (`source`: `--settings PATH` on the command line), the first wrong field by its dotted path, and the value found
 * there: `--settings s.json: playbook.atRisk.investmentPerCustomer: must be 0 or ..., got 1e+308`.
 */
export function parseReportSettings(input: unknown = {}, source = 'report settings'): ReportSettings {
  const parsed = reportSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const where = path.length ? path.map((key) => shorten(String(key))).join('.') : 'settings';
    const found = issue?.code === 'unrecognized_keys' ? undefined : describeValue(valueAt(input, path));
    const got = found === undefined ? '' : `, got ${found}`;
    throw new InvalidOptionError(`${source}: ${where}: ${issue?.message ?? 'invalid'}${got}`);
  }
  const settings = parsed.data;
  return {
    locale: settings.locale,
    currency: settings.currency,
    timeZone: settings.timeZone,
    reportName: settings.reportName,
    companyName: settings.companyName,
    columnLabels: settings.columnLabels,
    totalBudget: settings.totalBudget,
    playbook: mergePlaybook(DEFAULT_PLAYBOOK, settings.playbook),
    alerts: {
      ...DEFAULT_ALERT_THRESHOLDS,
      ...definedOnly(settings.alerts),
    } as typeof DEFAULT_ALERT_THRESHOLDS,
    targets: { ...DEFAULT_KPI_TARGETS, ...definedOnly(settings.targets) } as typeof DEFAULT_KPI_TARGETS,
    trendWarnings: trendWarningThresholds(settings.trendWarnings),
  };
}

function definedOnly(values: Record<string, number | undefined>): Record<string, number> {
  const defined: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) defined[key] = value;
  return defined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A wrong value as the message quotes it: numbers, strings (at most 40 characters), booleans and null. */
function describeValue(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value !== 'string') return undefined;
  return JSON.stringify(shorten(value));
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** True for a time zone name Intl knows (IANA, such as Europe/Paris). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
