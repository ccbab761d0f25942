/**
 * How the command renders its report: on the report thread (report-worker.ts) when the bundle has one, started
 * before the analysis so that loading the report's code overlaps the analysis on the second core; else (run from
 * the sources) in this thread, loaded on demand.
 */
import { Worker } from 'node:worker_threads';
import type { RenderedReport } from '../report/render/render-report.ts';
import type { ReportInput } from '../report/view-model/report-context.ts';
import { InputError } from '../errors/input-errors.ts';
import type { ReportResponse } from './report-worker-protocol.ts';

/** What the command writes of a report. */
export type ReportFiles = Pick<RenderedReport, 'subject' | 'html' | 'text' | 'images'>;

export interface ReportRenderer {
  render(input: ReportInput): Promise<ReportFiles>;
  /** Ends the report thread (after the render, or when the analysis failed). */
  stop(): Promise<void>;
}

/** Starts the report thread of `worker` (the bundle's report-worker.mjs) or, without one, renders in this thread. */
export function startReportRenderer(worker: URL | undefined): ReportRenderer {
  return worker === undefined ? inThisThread() : onReportThread(new Worker(worker));
}

function onReportThread(worker: Worker): ReportRenderer {
  // Until a report is asked for, the thread must not keep the process alive (an analysis that fails exits).
  worker.unref();
  return {
    render: (input) =>
      new Promise<ReportFiles>((resolve, reject) => {
        worker.ref();
        worker.once('error', reject);
        // A thread that ends without answering must fail the command, not leave it waiting on nothing.
        worker.once('exit', (code) =>
          reject(new Error(`the report thread ended (exit code ${code}) without a report`)),
        );
        worker.once('message', (response: ReportResponse) => {
          if (response.kind === 'rendered') resolve(response);
          else reject(response.input ? new InputError(response.message) : new Error(response.message));
        });
        worker.postMessage(input);
      }),
    stop: async () => {
      await worker.terminate();
    },
  };
}

function inThisThread(): ReportRenderer {
  return {
    render: async (input) => {
      const [{ renderReport }, { chartAssetFiles }] = await Promise.all([
        import('../report/render/render-report.ts'),
        import('../adapters/chart-asset-files.ts'),
      ]);
      return renderReport(input, { chartAssets: chartAssetFiles() });
    },
    stop: () => Promise.resolve(),
  };
}
