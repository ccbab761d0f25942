// What the report needs besides the analysis (settings, a previous analysis), read before the analysis runs.
import { readJsonFile } from './json-file.ts';
import { parseAnalysis } from '../engine/analysis/parse-analysis.ts';
import type { Analysis } from '../engine/analysis/analysis-types.ts';
import { parseReportSettings, type ReportSettings } from '../report/report-settings.ts';
import { InputError } from '../errors/input-errors.ts';
import { flagOf } from './flag-names.ts';
import { periodOfId } from '../delivery/period-id.ts';
import { activityWindows } from '../delivery/report-period.ts';
import type { ActivityWindows } from '../engine/kpis/period-activity.ts';
import type { PeriodDays } from '../vocabulary/period-days.ts';
import type { ScheduledReportKind } from '../vocabulary/report-kind.ts';
import { type ReportFileOptions, reportSettingsOf } from './flag-destinations.ts';

/** What the report needs besides the analysis, read and checked before the analysis (so no output is written first). */
export interface ReportPreparation {
  settings: ReportSettings;
  previous: Analysis | undefined;
  /** `--period`: the scheduled report previewed (its kind and days) and the windows its analysis counts. */
  scheduled: ScheduledPreview | undefined;
}

export interface ScheduledPreview {
  kind: ScheduledReportKind;
  reportPeriod: PeriodDays;
  activity: ActivityWindows;
}

/**
 * Reads and checks `--settings`, `--previous` and `--period` (the language, currency and time zone flags are checked with the
 * other flags). Light on purpose: it runs whenever one of them is given, with or without --html and --text, so
 * that a wrong file is never silently ignored; the report's rendering is loaded only to write the report.
 */
export async function prepareReport(options: ReportFileOptions): Promise<ReportPreparation> {
  const configured = options.settings ? await readJsonFile(options.settings, flagOf('settings')) : {};
  const overrides = reportSettingsOf(options);
  // A settings file must be an object; anything else is named as such, not merged.
  const isObject = configured !== null && typeof configured === 'object' && !Array.isArray(configured);
  const settings = parseReportSettings(
    isObject ? { ...configured, ...overrides } : configured,
    options.settings ? `${flagOf('settings')} ${options.settings}` : 'report settings',
  );
  // Checked whole, as the report compares every headline figure with it: a null or a string there is NaN in the
  // email, and 1e400 (Infinity once parsed) is "+∞%".
  const previous = options.previous
    ? parseAnalysis(
        await readJsonFile(options.previous, flagOf('previous')),
        `${flagOf('previous')} ${options.previous}`,
      )
    : undefined;
  return { settings, previous, scheduled: options.period ? scheduledPreview(options.period) : undefined };
}

/** The scheduled report of a period named `2011-W48` or `2011-Q4` (the flag's schema has checked the name). */
function scheduledPreview(id: string): ScheduledPreview {
  const period = periodOfId(id);
  if (period === null) throw new InputError(`${flagOf('period')} ${id}: not an ISO week nor a quarter`);
  return {
    kind: period.kind,
    reportPeriod: { first: period.start, last: period.last },
    activity: activityWindows(period),
  };
}
