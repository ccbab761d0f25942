/**
 * `npx tsx bench/chart-bench.ts`: what the email charts cost, on the chart samples (tools/chart-samples.ts): the
 * renderer's start (WebAssembly instantiation), then each chart's render time (median and slowest of 12, the
 * slowest being the first: JIT and font parsing) and PNG bytes, and the set's bytes against its budget. The
 * README's "Charts" paragraph quotes it. Not a test: the machine is shared and noisy, nothing is asserted.
 */
import { loadChartAssets } from '../lambda/adapters/chart-asset-files.ts';
import { CHART_SET_BYTE_BUDGET } from '../lambda/report/charts/chart-style.ts';
import type { RenderedChart } from '../lambda/report/charts/chart-types.ts';
import { createChartRenderer } from '../lambda/report/charts/render-charts.ts';
import { ACTIVE_BY_SEGMENT, RETENTION, REVENUE } from '../tools/chart-samples.ts';

const RUNS = 12;

const startedAt = performance.now();
const renderer = await createChartRenderer(await loadChartAssets());
console.log(`renderer ready in ${(performance.now() - startedAt).toFixed(0)} ms`);

const charts: [string, () => RenderedChart][] = [
  ['revenue with forecast band', () => renderer.forecastLine(REVENUE)],
  ['active customers by segment', () => renderer.segmentAreas(ACTIVE_BY_SEGMENT)],
  ['cohort retention heat map', () => renderer.cohortHeatmap(RETENTION)],
];
let setBytes = 0;
for (const [name, draw] of charts) {
  const times: number[] = [];
  let chart: RenderedChart | undefined;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    chart = draw();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const bytes = chart?.png.byteLength ?? 0;
  setBytes += bytes;
  console.log(
    `${name.padEnd(28)} median ${times[RUNS / 2]?.toFixed(1)} ms, slowest ${times[RUNS - 1]?.toFixed(0)} ms, ` +
      `${chart?.width}x${chart?.height} px, ${(bytes / 1024).toFixed(1)} KiB`,
  );
}
console.log(`the set: ${(setBytes / 1024).toFixed(1)} KiB of a ${CHART_SET_BYTE_BUDGET / 1024} KiB budget`);
