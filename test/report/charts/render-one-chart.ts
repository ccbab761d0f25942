/**
 * The tiny entry the bundle test builds: renders the revenue chart with the assets beside the bundle and writes
 * the PNG to the path given, its alt text to stdout.
 */
import { writeFile } from 'node:fs/promises';
import { loadChartAssets } from '../../../lambda/adapters/chart-asset-files.ts';
import { createChartRenderer } from '../../../lambda/report/charts/render-charts.ts';
import { REVENUE } from '../../../tools/chart-samples.ts';

const renderer = await createChartRenderer(await loadChartAssets());
const chart = renderer.forecastLine(REVENUE);
await writeFile(process.argv[2] ?? 'chart.png', chart.png);
console.log(chart.alt);
