// A wrong deployment configuration stops the build with one line naming the field, before any resource is made;
// the report's time zone follows the schedules' unless the job sets its own.
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { parseDeployConfig } from '../../infra/deploy-config.ts';
import { parseAppConfig } from '../../lambda/config/app-config.ts';
import {
  SKIP_BUNDLING,
  joinedText,
  logicalId,
  propertiesOf,
  removeTestOutdirs,
  synthTemplate,
  testConfiguration,
  testOutdir,
} from './support/synth-stack.ts';

type Configuration = ReturnType<typeof testConfiguration>;

const withJob = (change: (job: Configuration['job']) => Record<string, unknown>) => {
  const configuration = testConfiguration();
  return { ...configuration, job: change(configuration.job) };
};

const WRONG: { name: string; configuration: unknown; message: string }[] = [
  {
    name: 'a sender that is not an address',
    configuration: withJob((job) => ({ ...job, sender: 'reports-at-example.com' })),
    message: 'segment-report configuration: job.sender: must be an email address',
  },
  {
    name: 'no executive',
    configuration: withJob((job) => ({
      ...job,
      recipients: { executives: [], dataTeam: ['data-team@example.com'] },
    })),
    message: 'segment-report configuration: job.recipients.executives: needs at least one executive address',
  },
  {
    name: 'an unknown schedules time zone',
    configuration: { ...testConfiguration(), schedules: { timeZone: 'Europe/Atlantis' } },
    message:
      'segment-report configuration: schedules.timeZone: must be an IANA time zone such as Europe/Paris',
  },
  {
    name: 'an unknown report time zone',
    configuration: withJob((job) => ({ ...job, report: { timeZone: 'Mars/Olympus_Mons' } })),
    message:
      'segment-report configuration: job.report.timeZone: must be an IANA time zone such as Europe/Paris',
  },
  {
    name: 'a reports prefix under the input prefix (the function would start itself)',
    configuration: withJob((job) => ({ ...job, prefixes: { incoming: 'data/', reports: 'data/reports/' } })),
    message:
      'segment-report configuration: job.prefixes.reports: must not overlap the input prefix data/ (neither may start with the other)',
  },
  {
    name: 'an input prefix under the rejected prefix',
    configuration: withJob((job) => ({ ...job, prefixes: { incoming: 'rejected/incoming/' } })),
    message:
      'segment-report configuration: job.prefixes.rejected: must not overlap the input prefix rejected/incoming/ (neither may start with the other)',
  },
  {
    name: 'a runs prefix equal to the input prefix',
    configuration: withJob((job) => ({ ...job, prefixes: { runs: 'incoming/' } })),
    message:
      'segment-report configuration: job.prefixes.runs: must not overlap the input prefix incoming/ (neither may start with the other)',
  },
  {
    name: 'an unknown key in the job',
    configuration: withJob((job) => ({ ...job, replyTo: 'help@example.com' })),
    message: 'segment-report configuration: job: Unrecognized key: "replyTo"',
  },
  {
    name: 'an unknown top-level key',
    configuration: { ...testConfiguration(), alarmEmail: 'data-team@example.com' },
    message: 'segment-report configuration: Unrecognized key: "alarmEmail"',
  },
  {
    name: 'an SES identity that is neither a domain nor an address',
    configuration: { ...testConfiguration(), sesIdentity: 'not a domain' },
    message:
      'segment-report configuration: sesIdentity: must be a domain such as example.com or an email address',
  },
  {
    name: 'an alarm address that is not an address',
    configuration: { ...testConfiguration(), alarmEmails: ['on call'] },
    message: 'segment-report configuration: alarmEmails.0: Invalid email address',
  },
  {
    name: 'a log retention under a day',
    configuration: { ...testConfiguration(), retentionDays: { logs: 0 } },
    message: 'segment-report configuration: retentionDays.logs: Too small: expected number to be >=1',
  },
];

describe('deployment configuration', () => {
  afterAll(removeTestOutdirs);

  it.each(WRONG)(
    'refuses $name with one line naming the field, before building anything',
    ({ configuration, message }) => {
      const app = new App({ context: SKIP_BUNDLING, outdir: testOutdir() });
      let failure: unknown;
      try {
        buildApp(app, configuration);
      } catch (error) {
        failure = error;
      }
      expect((failure as Error).message).toBe(message);
      expect(message).not.toContain('\n');
      expect(app.node.children).toEqual([]);
    },
  );

  it('gives the report the schedules’ time zone when the job sets none', () => {
    const configuration = { ...testConfiguration(), schedules: { timeZone: 'America/New_York' } };
    expect(parseDeployConfig(configuration).job.report.timeZone).toBe('America/New_York');
    expect(parseDeployConfig(testConfiguration()).job.report.timeZone).toBe('Europe/Paris');
  });

  it('keeps the report time zone the job sets', () => {
    const configuration = {
      ...withJob((job) => ({ ...job, report: { locale: 'en', timeZone: 'Asia/Tokyo' } })),
      schedules: { timeZone: 'America/New_York' },
    };
    const config = parseDeployConfig(configuration);
    expect(config.job.report.timeZone).toBe('Asia/Tokyo');
    expect(config.schedules.timeZone).toBe('America/New_York');
  });

  it('hands the Lambdas the report time zone it settled on', () => {
    const { stack, template } = synthTemplate({
      ...testConfiguration(),
      schedules: { timeZone: 'America/New_York' },
    });
    const variables = (
      propertiesOf(template, logicalId(stack, stack.scheduleFunction.function)).Environment as {
        Variables: Record<string, unknown>;
      }
    ).Variables;
    const configurationSetId = logicalId(
      stack,
      stack.node.findChild('Email').node.findChild('ConfigurationSet'),
    );
    const text = joinedText(variables.SEGMENT_REPORT_CONFIG, { [configurationSetId]: 'set' });
    expect(parseAppConfig(JSON.parse(text)).report.timeZone).toBe('America/New_York');
  });

  it('takes prefixes that only share letters with the input prefix, not a folder', () => {
    const prefixes = { incoming: 'in/', reports: 'in-reports/', rejected: 'inbox-rejected/', runs: 'runs/' };
    expect(parseDeployConfig(withJob((job) => ({ ...job, prefixes }))).job.prefixes).toEqual({
      ...prefixes,
      approvals: 'approvals/',
      aggregates: 'aggregates/',
    });
  });

  it('takes the SES identity from the sender’s domain when none is given', () => {
    const { sesIdentity: _sesIdentity, ...withoutIdentity } = testConfiguration();
    expect(parseDeployConfig(withoutIdentity).sesIdentity).toBe('example.com');
  });
});

describe("the README's deployment examples", () => {
  it('are configurations the stack accepts, the table source among them', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const deploy = readme.slice(readme.indexOf('\n## Deploy\n'), readme.indexOf('\n## Checked against'));
    const examples = [...deploy.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) =>
      JSON.parse(match[1] ?? ''),
    );

    expect(examples).toHaveLength(2);
    const [basic, table] = examples.map((example) => parseDeployConfig(example));
    expect(basic?.job.warehouse).toBeUndefined();
    expect(table?.job.warehouse).toMatchObject({
      table: 'sales_lines',
      delimiter: ';',
      decimalMark: ',',
      dateLayout: 'DD/MM/YYYY',
      use: 'over-size',
    });
  });
});
