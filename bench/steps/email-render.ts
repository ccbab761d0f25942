// Step (issue 17): the executive email's render, in process, as the scheduled job sends the weekly report (kind,
// period, activity windows, the previous week's analysis, default settings) in English and in French. Each data set
// is analysed once; then the email is rendered over and over: (a) its HTML and plain text (view model, MJML, text:
// renderReport without the charts), then (b) its charts alone (the PNGs): each its first (cold) render, then the
// median of WARM_RENDERS warm ones. Target: (a) warm at most 100 ms; (b) is reported beside it, no target.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { chartAssetFiles } from '../../lambda/adapters/chart-asset-files.ts';
import { periodOfId } from '../../lambda/delivery/period-id.ts';
import { activityWindows } from '../../lambda/delivery/report-period.ts';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { analyzeCsv } from '../../lambda/engine/analyze-csv.ts';
import { renderHtml } from '../../lambda/report/render/render-html.ts';
import { renderText } from '../../lambda/report/render/render-text.ts';
import { renderReportImages } from '../../lambda/report/render/report-images.ts';
import { parseReportSettings, type ReportLocale } from '../../lambda/report/report-settings.ts';
import { buildReport } from '../../lambda/report/view-model/build-report-view.ts';
import type { ReportInput } from '../../lambda/report/view-model/report-context.ts';
import { CDNOW, ONLINE_RETAIL } from '../../tools/real-data.ts';
import { formatTable, verdict } from '../bench-helpers/format-table.ts';
import { median, roundTo } from '../bench-helpers/statistics.ts';
import type { StepOutcome } from './step-outcome.ts';

const WARM_RENDERS = 20;
const WARM_TARGET_MS = 100;
const LOCALES: readonly ReportLocale[] = ['en', 'fr'];
/** One asset source for every email, as a process keeps it (the renderer is made once per source). */
const CHART_ASSETS = chartAssetFiles();

/** Each data set and the ISO week its weekly report is about (that of its last transaction), with the week before. */
const DATA_SETS = [
  { name: 'Online Retail', path: ONLINE_RETAIL, week: '2011-W49', weekBefore: '2011-W48' },
  { name: 'CDNOW master', path: CDNOW, week: '1998-W27', weekBefore: '1998-W26' },
] as const;

type DataSet = (typeof DATA_SETS)[number];

/**
 * A render's first time (for this email) and the median of the warm ones, in ms; the warm ones' CPU time too (the
 * process's, user and system): on a shared machine it is what the render costs, the wall time what it waited.
 */
interface RenderTimes {
  coldMs: number;
  warmMedianMs: number;
  warmMedianCpuMs: number;
}

interface EmailRenderCase {
  email: string;
  htmlBytes: number;
  textBytes: number;
  charts: number;
  pngBytes: number;
  htmlAndText: RenderTimes;
  chartsAlone: RenderTimes;
}

/** The days of a week named `YYYY-Www`. */
function weekOf(id: string) {
  const period = periodOfId(id);
  if (period === null) throw new Error(`not an ISO week: ${id}`);
  return period;
}

async function analyse(path: string, now: Date, week: string, asOf?: string): Promise<Analysis> {
  const stream = createReadStream(path);
  const options = { sourceName: basename(path), now, activity: activityWindows(weekOf(week)), asOf };
  return (await analyzeCsv(stream, options)).analysis;
}

/** The weekly report's input but its settings: as the scheduled run of the week after builds it. */
async function weeklyInput(dataSet: DataSet): Promise<Omit<ReportInput, 'settings'>> {
  const period = weekOf(dataSet.week);
  const now = new Date(`${period.end}T06:00:00Z`);
  return {
    analysis: await analyse(dataSet.path, now, dataSet.week),
    // What the previous week's run saw: the data before this week, its own week counted.
    previous: await analyse(dataSet.path, now, dataSet.weekBefore, period.start),
    kind: 'weekly',
    now,
    reportPeriod: { first: period.start, last: period.last },
    customerFile: { attachedAs: `customers-weekly-${dataSet.week}.csv` },
  };
}

/** The email without its charts, as renderReport renders it: view model, HTML (MJML) and plain text. */
async function renderHtmlAndText(input: ReportInput) {
  const { view, charts } = buildReport(input);
  return { charts, html: await renderHtml(view), text: renderText(view) };
}

/** The work's wall time and CPU time in ms, and its result. */
async function timed<Result>(work: () => Promise<Result>): Promise<[number, number, Result]> {
  const [startedAt, cpuAtStart] = [performance.now(), process.cpuUsage()];
  const result = await work();
  const cpu = process.cpuUsage(cpuAtStart);
  return [performance.now() - startedAt, (cpu.user + cpu.system) / 1000, result];
}

/** A render's first time, then WARM_RENDERS more, one after the other. */
async function timeRenders<Result>(render: () => Promise<Result>): Promise<[RenderTimes, Result]> {
  const [cold, , result] = await timed(render);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < WARM_RENDERS; round++) {
    const [wallMs, cpuMs] = await timed(render);
    wall.push(wallMs);
    cpu.push(cpuMs);
  }
  const warm = { warmMedianMs: roundTo(median(wall), 1), warmMedianCpuMs: roundTo(median(cpu), 1) };
  return [{ coldMs: roundTo(cold, 1), ...warm }, result];
}

/** One email: its HTML and text, then its charts apart (so that neither pays for the other's garbage). */
async function measureEmail(email: string, input: ReportInput): Promise<EmailRenderCase> {
  const [htmlAndText, rendered] = await timeRenders(() => renderHtmlAndText(input));
  const [chartsAlone, images] = await timeRenders(() => renderReportImages(rendered.charts, CHART_ASSETS));
  return {
    email,
    htmlBytes: Buffer.byteLength(rendered.html),
    textBytes: Buffer.byteLength(rendered.text),
    charts: images.length,
    pngBytes: images.reduce((sum, image) => sum + image.content.byteLength, 0),
    htmlAndText,
    chartsAlone,
  };
}

/** Every data set's weekly email in each locale, its data analysed once. */
async function measureEmails(log: (line: string) => void): Promise<EmailRenderCase[]> {
  const cases: EmailRenderCase[] = [];
  for (const dataSet of DATA_SETS) {
    log(`email render: analysing ${dataSet.name} for the weekly report of ${dataSet.week}`);
    const input = await weeklyInput(dataSet);
    for (const locale of LOCALES) {
      const email = `${dataSet.name}, ${dataSet.week}, ${locale}`;
      log(`email render: ${email}, 1 cold + ${WARM_RENDERS} warm renders`);
      const settings = parseReportSettings({ locale });
      cases.push(await measureEmail(email, { ...input, settings }));
    }
  }
  return cases;
}

const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

function reportLines(cases: readonly EmailRenderCase[]): string[] {
  const rows = cases.map((entry) => [
    entry.email,
    entry.htmlAndText.coldMs.toFixed(0),
    entry.htmlAndText.warmMedianMs.toFixed(1),
    entry.htmlAndText.warmMedianCpuMs.toFixed(1),
    verdict(entry.htmlAndText.warmMedianMs <= WARM_TARGET_MS),
    `${kib(entry.htmlBytes)} / ${kib(entry.textBytes)}`,
    entry.chartsAlone.coldMs.toFixed(0),
    entry.chartsAlone.warmMedianMs.toFixed(1),
    `${entry.charts} / ${kib(entry.pngBytes)}`,
  ]);
  const headers = [
    'weekly email',
    'HTML+text cold ms',
    'warm ms',
    'warm CPU ms',
    `<= ${WARM_TARGET_MS} ms`,
    'HTML / text KiB',
  ];
  return [
    '',
    `The weekly email's render in process (cold: each email's first render, the process's first for the first one;`,
    `warm: median of ${WARM_RENDERS}, wall and CPU time; the charts apart, no target):`,
    formatTable([...headers, 'charts cold ms', 'warm ms', 'PNGs / KiB'], rows),
  ];
}

/** The email's render times on the real data sets; target: HTML and text warm within 100 ms for every email. */
export async function benchmarkEmailRender(
  log: (line: string) => void,
): Promise<StepOutcome<Record<string, unknown>>> {
  const cases = await measureEmails(log);
  return {
    results: { warmRenders: WARM_RENDERS, cases },
    targets: {
      emailRenderWarmWithinTarget: cases.every((entry) => entry.htmlAndText.warmMedianMs <= WARM_TARGET_MS),
    },
    thresholds: { emailRenderWarmTargetMs: WARM_TARGET_MS },
    lines: reportLines(cases),
  };
}
