/** Entry point of `npm start`: exit 0 when the job ran, 1 with one line when it failed (never a stack trace). */
import { runLocalJob } from './run-local-job.ts';

try {
  const emails = await runLocalJob((line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`done: ${emails.length} emails received by the local SES, written to out/emails/\n`);
} catch (error) {
  process.stderr.write(`segment-report start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
