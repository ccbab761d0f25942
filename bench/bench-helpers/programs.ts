// The programs the benchmark runs as whole processes, as command lines: our bundled CLI (dist/cli.mjs) and the
// pandas + scikit-learn reference, each on an input; and the headline numbers read back from their outputs.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { ProgramCommand } from './end-to-end.ts';
import { join } from 'node:path';
import { bundledCli, documentedCommand, projectRoot, referenceScript, systemPython } from './paths.ts';

export const OURS_LABEL = 'ours (node dist/cli.mjs)';
export const WHOLE_JOB_LABEL = 'ours (bin/segment-report.mjs, whole job)';
export const REFERENCE_LABEL = 'reference (pandas + sklearn)';

/** A path as shown and recorded: relative to the project root, where every program runs. */
export const fromRoot = (path: string): string => relative(projectRoot, path);

/** `node dist/cli.mjs analyze INPUT --json JSON_OUT` (and `--quiet` when asked). */
export function oursOn(
  input: string,
  jsonOut: string,
  { label = OURS_LABEL, quiet = false }: { label?: string; quiet?: boolean } = {},
): ProgramCommand {
  const args = [fromRoot(bundledCli), 'analyze', fromRoot(input), '--json', fromRoot(jsonOut)];
  return { label, command: process.execPath, args: quiet ? [...args, '--quiet'] : args };
}

/**
 * Issue 17's contract: the README's documented command (`bin/segment-report.mjs`, which runs the bundle) doing
 * what the scheduled job does with a file: the whole analysis with the value model and the trends, the JSON
 * archive, the customers file and the email with its charts (`--html`, the charts drawn and inlined).
 * `--quiet`: no summary on stdout. The outputs go to `outDir` as `<name>.json`, `.customers.csv`, `.html`.
 */
export function wholeJobOn(
  input: string,
  outDir: string,
  name: string,
  { label = WHOLE_JOB_LABEL }: { label?: string } = {},
): ProgramCommand & { json: string } {
  const out = (suffix: string) => fromRoot(join(outDir, `${name}${suffix}`));
  const args = ['analyze', fromRoot(input), '--json', out('.json'), '--customers', out('.customers.csv')];
  return {
    label,
    command: documentedCommand,
    args: [...args, '--html', out('.html'), '--quiet'],
    json: join(outDir, `${name}.json`),
  };
}

/** `/usr/bin/python3 rfm_reference.py INPUT`: it prints its summary as the last line of stdout. */
export function referenceOn(input: string): ProgramCommand {
  return {
    label: REFERENCE_LABEL,
    command: systemPython,
    args: [fromRoot(referenceScript), fromRoot(input)],
  };
}

/** The headline numbers of both programs on the same file. */
export interface HeadlineNumbers {
  ours: Record<string, unknown>;
  reference: Record<string, unknown>;
}

/** The headline numbers of both programs on the same file, read from their outputs. */
export async function readHeadlineNumbers(
  ourJsonPath: string,
  referenceStdout: string,
): Promise<HeadlineNumbers> {
  const analysis = JSON.parse(await readFile(ourJsonPath, 'utf8')) as { kpis?: Record<string, unknown> };
  const reference = JSON.parse(referenceStdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  const kpis = analysis.kpis ?? {};
  return {
    ours: {
      customers: kpis.customers,
      orders: kpis.orders,
      revenue: kpis.revenue,
      averageOrderValue: kpis.averageOrderValue,
    },
    reference: {
      customers: reference.customers,
      orders: reference.orders,
      revenue: reference.revenue,
      averageOrderValue: reference.avg_order_value,
    },
  };
}
