/**
 * The whole configuration of the deployed job, one typed object validated once at start-up: who sends, who
 * receives which report, the report settings (language, currency, time zone, playbook, alerts, targets), where
 * things live in the bucket and how scheduled runs pick their data. A wrong value fails with its path.
 */
import { z } from 'zod';
import { InvalidOptionError } from '../engine/errors.ts';
import { type ReportSettings, parseReportSettings, reportSettingsSchema } from '../report/report-settings.ts';

const email = z.email({ message: 'must be an email address' });
const prefix = z
  .string()
  .regex(/^[A-Za-z0-9!_.*'()\-/]+\/$/, { message: 'must be a key prefix ending with /, such as incoming/' });

export const appConfigSchema = z
  .object({
    sender: email,
    recipients: z
      .object({
        executives: z.array(email).min(1, { message: 'needs at least one executive address' }),
        dataTeam: z.array(email).min(1, { message: 'needs at least one data team address' }),
      })
      .strict(),
    /** SES configuration set (event publishing, suppression); none when absent. */
    configurationSetName: z.string().min(1).optional(),
    report: reportSettingsSchema.prefault({}),
    prefixes: z
      .object({
        incoming: prefix.default('incoming/'),
        reports: prefix.default('reports/'),
        rejected: prefix.default('rejected/'),
        runs: prefix.default('runs/'),
      })
      .strict()
      .default({ incoming: 'incoming/', reports: 'reports/', rejected: 'rejected/', runs: 'runs/' }),
    /** Scheduled runs analyse the newest complete file, or every file received during the period. */
    scheduleSource: z.enum(['newest', 'period']).default('newest'),
    /** The customers CSV is attached up to this size, else linked with a pre-signed URL. */
    maxAttachmentBytes: z.number().int().positive().max(7_000_000).default(2_000_000),
    linkExpiryDays: z.number().int().min(1).max(7).default(7),
    /** A claimed run older than this, not marked done, is taken to have failed and may be retried. */
    claimLeaseSeconds: z.number().int().min(60).default(900),
  })
  .strict();

export type AppConfigInput = z.input<typeof appConfigSchema>;

export interface AppConfig extends Omit<z.output<typeof appConfigSchema>, 'report'> {
  report: ReportSettings;
}

/** Validates the configuration and fills in defaults; throws InvalidOptionError naming the wrong field. */
export function parseAppConfig(input: unknown): AppConfig {
  const parsed = appConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new InvalidOptionError(`configuration: ${where}${issue?.message ?? 'invalid'}`);
  }
  return { ...parsed.data, report: parseReportSettings(parsed.data.report) };
}
