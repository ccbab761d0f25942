/**
 * `npx cdk synth` / `npx cdk deploy`: reads the deployment configuration (the `segmentReport` context of
 * cdk.json, or the JSON file named by `-c segmentReportConfigFile=path`), validates it, builds the stack and
 * runs the cdk-nag AWS Solutions checks on it.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { buildApp } from './build-app.ts';

const app = new App();
try {
  buildApp(app, readConfiguration(app));
} catch (error) {
  // One readable line instead of a stack trace for a configuration mistake.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
app.synth();

function readConfiguration(app: App): unknown {
  const file = app.node.tryGetContext('segmentReportConfigFile') as string | undefined;
  if (file) {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`segment-report configuration: ${file}: ${(error as Error).message}`);
    }
  }
  const context = app.node.tryGetContext('segmentReport') as unknown;
  if (context === undefined) {
    throw new Error(
      'segment-report configuration: set the "segmentReport" context in cdk.json or -c segmentReportConfigFile=FILE',
    );
  }
  return context;
}
