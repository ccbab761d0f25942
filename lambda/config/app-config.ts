/**
 * The whole configuration of the deployed job, one typed object validated once at start-up: who sends (address
 * and display name), who receives which report, the report settings (language, currency, time zone, playbook,
 * alerts, targets), where things live in the bucket, how the files of each input prefix are read, how
 * scheduled runs pick their data and how long they keep a segmentation. A wrong value fails with its path.
 */
import * as z from 'zod';
import { type ReportSettings, parseReportSettings, reportSettingsSchema } from '../report/report-settings.ts';
import { formatConfigPath } from './config-path.ts';
import { inputRuleSchema } from './input-rules.ts';
import { holdConfigSchema } from './plausibility-config.ts';
import { warehouseConfigSchema } from './warehouse-config.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';

/** How often the scheduled runs fit their clusters again (`segmentationRefit`). */
export const SEGMENTATION_REFITS = ['every-run', 'monthly', 'quarterly'] as const;

const email = z.email({ message: 'must be an email address' });
// A name that could end the From header (a line break) or the quoted string it may be written in (a quote, a
// backslash) is refused, not encoded: the configuration then says exactly what the recipients see.
const ONE_LINE_NAME = /^[^\p{Cc}\p{Zl}\p{Zp}"\\]*$/u;
const senderName = z
  .string()
  .max(64, { message: 'must be at most 64 characters' })
  .regex(ONE_LINE_NAME, { message: 'must be one line without quotes, backslashes or control characters' })
  .refine((name) => name.trim() !== '', { message: 'must not be empty' });
const PREFIX = /^[A-Za-z0-9!_.*'()\-/]+\/$/;
const prefix = z.string().regex(PREFIX, { message: 'must be a key prefix ending with /, such as incoming/' });

export const appConfigSchema = z
  .object({
    sender: email,
    /** The display name of the From header, beside the sender's address. */
    senderName: senderName.default('Segment report'),
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
        /** An object written here releases or discards a held report (issue 15). */
        approvals: prefix.default('approvals/'),
        /** Athena writes the aggregation's results here (issue 16); the functions only read them. */
        aggregates: prefix.default('aggregates/'),
      })
      .strict()
      // Every object created under the input prefix starts an upload run: a write of the functions' own there
      // would start another, and the scheduled runs would read reports as input.
      .superRefine((prefixes, context) => {
        const overlap = (['reports', 'rejected', 'runs', 'approvals', 'aggregates'] as const).find(
          (name) =>
            prefixes[name].startsWith(prefixes.incoming) || prefixes.incoming.startsWith(prefixes[name]),
        );
        if (overlap) {
          context.addIssue({
            code: 'custom',
            path: [overlap],
            message: `must not overlap the input prefix ${prefixes.incoming} (neither may start with the other)`,
          });
        }
        // Every object created under the approvals prefix is read as a release or a discard: the functions' own
        // writes must never land there.
        const written = (['reports', 'rejected', 'runs', 'aggregates'] as const).find(
          (name) =>
            prefixes[name].startsWith(prefixes.approvals) || prefixes.approvals.startsWith(prefixes[name]),
        );
        if (written) {
          context.addIssue({
            code: 'custom',
            path: ['approvals'],
            message: `must not overlap the ${written} prefix ${prefixes[written]} (neither may start with the other)`,
          });
        }
      })
      .default({
        incoming: 'incoming/',
        reports: 'reports/',
        rejected: 'rejected/',
        runs: 'runs/',
        approvals: 'approvals/',
        aggregates: 'aggregates/',
      }),
    /** How to read the files under each input prefix (see input-rules.ts); the engine infers everything else. */
    inputs: z.record(z.string(), inputRuleSchema).default({}),
    /**
     * Scheduled runs analyse the newest file of the period (each upload a whole export), every file received
     * during the period (`period`), or every file received up to its end (`history`: each upload holds the orders
     * since the previous one).
     */
    scheduleSource: z.enum(['newest', 'period', 'history']).default('newest'),
    /**
     * How long scheduled runs keep one segmentation (issue 18): between refits a run scores its customers into the
     * previous run's clusters, so that week-to-week changes are customers moving, not clusters. `monthly` refits
     * when a period ends in another calendar month than the previous run's, `quarterly` in another quarter,
     * `every-run` always (delivery/kept-segmentation.ts).
     */
    segmentationRefit: z.enum(SEGMENTATION_REFITS).default('monthly'),
    /** The customers CSV is attached up to this size, else linked with a pre-signed URL. */
    maxAttachmentBytes: z.number().int().positive().max(7_000_000).default(2_000_000),
    linkExpiryDays: z.number().int().min(1).max(7).default(7),
    /** Reports that look implausible are held for the data team (plausibility-config.ts). */
    hold: holdConfigSchema,
    /** The Glue table scheduled runs may aggregate with Athena (warehouse-config.ts); none when absent. */
    warehouse: warehouseConfigSchema.optional(),
  })
  .strict()
  .superRefine(({ inputs, prefixes, warehouse }, context) => {
    // The table's files are read, never written: they must not lie where the functions or Athena write.
    if (warehouse?.location !== undefined) {
      const location = warehouse.location;
      const clash = (['reports', 'rejected', 'runs', 'approvals', 'aggregates'] as const).find(
        (name) => prefixes[name].startsWith(location) || location.startsWith(prefixes[name]),
      );
      const aboveUploads = location !== prefixes.incoming && prefixes.incoming.startsWith(location);
      const message =
        clash !== undefined
          ? `must not overlap the ${clash} prefix ${prefixes[clash]} (neither may start with the other)`
          : `must be the input prefix ${prefixes.incoming}, a prefix under it, or apart from it, not above it`;
      if (clash !== undefined || aboveUploads) {
        context.addIssue({ code: 'custom', path: ['warehouse', 'location'], message });
      }
    }
    // Checked here rather than by the record's key schema, which depends on the input prefix configured.
    for (const key of Object.keys(inputs)) {
      if (!PREFIX.test(key) || !key.startsWith(prefixes.incoming)) {
        context.addIssue({
          code: 'custom',
          path: ['inputs', key],
          message: `must be a key prefix under ${prefixes.incoming} ending with /, such as ${prefixes.incoming}erp/`,
        });
      }
    }
  });

export type AppConfigInput = z.input<typeof appConfigSchema>;

export interface AppConfig extends Omit<z.output<typeof appConfigSchema>, 'report'> {
  report: ReportSettings;
}

/** Where things live in the bucket: the input prefix, the archive, the error reports and the run claims. */
export type Prefixes = AppConfig['prefixes'];

/** Validates the configuration and fills in defaults; throws InvalidOptionError naming the wrong field. */
export function parseAppConfig(input: unknown): AppConfig {
  const parsed = appConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${formatConfigPath(issue.path)}: ` : '';
    throw new InvalidOptionError(`configuration: ${where}${issue?.message ?? 'invalid'}`);
  }
  return { ...parsed.data, report: parseReportSettings(parsed.data.report) };
}
