/**
 * The email report rendered on a second thread (the bundled CLI's `dist/report-worker.mjs`): started with the
 * command, it loads the report's code (mjml, ECharts: about 1.5 s of CPU here) and the charts' assets while the
 * main thread analyses the file, then renders the one report it is sent (report-worker-protocol.ts). Drawing a
 * warm-up chart as well, for resvg's WebAssembly to reach V8's optimising tier, was tried and measured: on two
 * busy cores it took 3 s and the report's charts were no faster.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { chartAssetFiles } from '../adapters/chart-asset-files.ts';
import { renderReport } from '../report/render/render-report.ts';
import type { ReportRequest, ReportResponse } from './report-worker-protocol.ts';
import { InputError } from '../errors/input-errors.ts';

// Bundled, the chart assets are in dist/chunks/ beside the chunks that read them; this entry is in dist/.
const assets = chartAssetFiles(join(fileURLToPath(new URL('.', import.meta.url)), 'chunks'));
// Read now, while the file is analysed; a failed read is tried again, and reported, by the render.
const assetsRead = assets().catch(() => undefined);

parentPort?.once('message', (request: ReportRequest) => {
  void respond(request).then((response) => {
    const transfer = response.kind === 'rendered' ? response.images.map((image) => image.content.buffer) : [];
    parentPort?.postMessage(response, transfer as ArrayBuffer[]);
  });
});

async function respond(request: ReportRequest): Promise<ReportResponse> {
  await assetsRead;
  try {
    const { subject, html, text, images } = await renderReport(request, { chartAssets: assets });
    return { kind: 'rendered', subject, html, text, images };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', input: error instanceof InputError, message };
  }
}
