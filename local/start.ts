/** Entry point of `npm start`: exit 0 when the job ran, 1 with one line when it failed (never a stack trace). */
import { messageOf } from '../lambda/errors/segment-report-error.ts';
import { runLocalJob } from './run-local-job.ts';

try {
  const emails = await runLocalJob((line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`done: ${emails.length} emails received by the local SES, written to out/emails/\n`);
} catch (error) {
  process.stderr.write(`segment-report start: ${messageOf(error)}\n`);
  process.exitCode = 1;
}
