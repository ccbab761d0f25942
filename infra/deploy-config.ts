/**
 * What a deployment is told, validated at synth time with the schema the Lambdas use for their part: the job's
 * configuration (sender, recipients, report settings, prefixes) plus what only the stack needs (the SES
 * identity, the schedules and their time zone, who gets alarms, how long files are kept).
 */
import { z } from 'zod';
import { appConfigSchema, parseAppConfig } from '../lambda/config/app-config.ts';
import { isTimeZone } from '../lambda/report/report-settings.ts';

const domain = z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, {
  message: 'must be a domain such as example.com or an email address',
});

export const deployConfigSchema = z
  .object({
    /** The job's configuration, exactly as the Lambdas read it (SEGMENT_REPORT_CONFIG). */
    job: appConfigSchema,
    /** The verified SES identity mail is sent from: the sender's domain, or the sender address itself. */
    sesIdentity: z
      .union([z.email(), domain], { error: 'must be a domain such as example.com or an email address' })
      .optional(),
    schedules: z
      .object({
        timeZone: z.string().default('Europe/Paris'),
        /** EventBridge Scheduler expressions; weekly: Monday 07:00; quarterly: first Monday of the quarter. */
        weekly: z.string().startsWith('cron(').default('cron(0 7 ? * MON *)'),
        quarterly: z.string().startsWith('cron(').default('cron(0 7 ? JAN,APR,JUL,OCT MON#1 *)'),
      })
      .strict()
      .prefault({}),
    /** Addresses subscribed to the alarm topic (errors, throttles, dead letters, bounces, complaints). */
    alarmEmails: z.array(z.email()).default([]),
    retentionDays: z
      .object({
        reports: z.number().int().min(30).default(400),
        rejected: z.number().int().min(7).default(90),
        logs: z.number().int().min(1).default(90),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type DeployConfig = z.output<typeof deployConfigSchema> & { sesIdentity: string };

/** Validates the deployment configuration; throws one readable line naming the wrong field. */
export function parseDeployConfig(input: unknown): DeployConfig {
  const parsed = deployConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `segment-report configuration: ${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`,
    );
  }
  const config = parsed.data;
  if (!isTimeZone(config.schedules.timeZone)) {
    throw new Error(
      'segment-report configuration: schedules.timeZone: must be an IANA time zone such as Europe/Paris',
    );
  }
  // The report's days (which week a Monday run covers) follow the schedules' time zone unless set.
  const reportTimeZoneGiven = typeof readPath(input, ['job', 'report', 'timeZone']) === 'string';
  const job = reportTimeZoneGiven
    ? config.job
    : { ...config.job, report: { ...config.job.report, timeZone: config.schedules.timeZone } };
  try {
    parseAppConfig(job);
  } catch (error) {
    throw new Error(
      `segment-report configuration: job.${(error as Error).message.replace(/^configuration: /, '')}`,
    );
  }
  const sesIdentity = config.sesIdentity ?? config.job.sender.split('@')[1] ?? config.job.sender;
  return { ...config, job, sesIdentity };
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
