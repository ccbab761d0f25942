/**
 * What the report can be told: language, currency, time zone, names, playbook overrides, alert thresholds and KPI
 * targets. One zod schema, defaults merged once here; `parseReportSettings` fails with the name of what is wrong.
 */
import { z } from 'zod';
import { InvalidOptionError } from '../engine/errors.ts';
import { DEFAULT_PLAYBOOK } from './playbook/default-playbook.ts';
import { mergePlaybook, type Playbook, strategyOverrideSchema } from './playbook/strategy.ts';

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

const share = z.number().min(0).max(1);
const timeZone = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Paris' });

export const reportSettingsSchema = z
  .object({
    locale: z.enum(REPORT_LOCALES).default('en'),
    /** ISO 4217 code; EUR by default in French, USD in English. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code such as EUR' })
      .optional(),
    timeZone: timeZone.default('UTC'),
    /** Shown in the header and the subject; a default title in the report's language otherwise. */
    reportName: z.string().min(1).max(120).optional(),
    companyName: z.string().min(1).max(120).optional(),
    playbook: z.record(z.string(), strategyOverrideSchema).default({}),
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
  })
  .strict();

export type ReportSettingsInput = z.input<typeof reportSettingsSchema>;

/** Settings with every default filled in. */
export interface ReportSettings {
  locale: ReportLocale;
  currency: string;
  timeZone: string;
  reportName: string | undefined;
  companyName: string | undefined;
  playbook: Playbook;
  alerts: typeof DEFAULT_ALERT_THRESHOLDS;
  targets: typeof DEFAULT_KPI_TARGETS;
}

/** Validates settings and fills in the defaults; throws InvalidOptionError naming the first wrong field. */
export function parseReportSettings(input: unknown = {}): ReportSettings {
  const parsed = reportSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'settings';
    throw new InvalidOptionError(`report settings: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const settings = parsed.data;
  return {
    locale: settings.locale,
    currency: settings.currency ?? (settings.locale === 'fr' ? 'EUR' : 'USD'),
    timeZone: settings.timeZone,
    reportName: settings.reportName,
    companyName: settings.companyName,
    playbook: mergePlaybook(DEFAULT_PLAYBOOK, settings.playbook),
    alerts: {
      ...DEFAULT_ALERT_THRESHOLDS,
      ...definedOnly(settings.alerts),
    } as typeof DEFAULT_ALERT_THRESHOLDS,
    targets: { ...DEFAULT_KPI_TARGETS, ...definedOnly(settings.targets) } as typeof DEFAULT_KPI_TARGETS,
  };
}

function definedOnly(values: Record<string, number | undefined>): Record<string, number> {
  const defined: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) defined[key] = value;
  return defined;
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
