/**
 * Charts inline by Content-ID: the three rendered charts go out through SesMailer to the local SES, and the raw
 * bytes it accepted (the recording proxy's, not the stand-in's rebuilt copy) are read back by Python's `email`
 * package: the HTML and the images are one multipart/related part, and every `cid:` of the HTML names an image's
 * Content-ID. Then Chromium shows that HTML with each `cid:` replaced by the image's bytes (here only: mail
 * clients resolve cid: themselves) at a phone's and a desktop's width.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesClient } from '../../lambda/adapters/aws-clients.ts';
import { SesMailer, composeMime } from '../../lambda/adapters/ses-mailer.ts';
import type { EmailInlineImage, EmailMessage } from '../../lambda/delivery/ports.ts';
import { loadChartAssets } from '../../lambda/adapters/chart-asset-files.ts';
import { createChartRenderer } from '../../lambda/report/charts/render-charts.ts';
import type { RenderedChart } from '../../lambda/report/charts/chart-types.ts';
import { escapeHtml } from '../../lambda/report/templates/markup/escape-html.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { launchChromium, measureHorizontalFit, openHtml } from '../support/browser.ts';
import { type PythonMimePart, allParts, readMimeTreeWithPython } from '../support/python-mime-tree.ts';
import { ACTIVE_BY_SEGMENT, RETENTION, REVENUE } from '../../tools/chart-samples.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let stack: LocalStack;
let browser: Browser;
let workDir: string;
let charts: { cid: string; chart: RenderedChart }[];
let message: EmailMessage;

/** A tiny email of its own (not the report): the three charts, each fluid up to the 600 px column. */
function chartsHtml(): string {
  const images = charts.map(
    ({ cid, chart }) =>
      `<img src="cid:${cid}" alt="${escapeHtml(chart.alt)}" width="${chart.width / 2}" ` +
      `style="display:block;width:100%;max-width:${chart.width / 2}px;height:auto;border:0;margin:0 0 16px">`,
  );
  return (
    '<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
    `<body style="margin:0"><div style="max-width:600px;margin:0 auto">${images.join('')}</div></body></html>`
  );
}

beforeAll(async () => {
  const renderer = await createChartRenderer(await loadChartAssets());
  charts = [
    { cid: 'revenue@segment-report', chart: renderer.forecastLine(REVENUE) },
    { cid: 'active-by-segment@segment-report', chart: renderer.segmentAreas(ACTIVE_BY_SEGMENT) },
    { cid: 'retention@segment-report', chart: renderer.cohortHeatmap(RETENTION) },
  ];
  const inlineImages: EmailInlineImage[] = charts.map(({ cid, chart }) => ({
    cid,
    filename: `${cid.split('@')[0]}.png`,
    contentType: 'image/png',
    content: chart.png,
  }));
  message = {
    from: { name: 'Segment report', address: 'reports@segment-report.example' },
    to: ['ceo@shop.example'],
    subject: 'Charts',
    html: chartsHtml(),
    text: charts.map(({ chart }) => chart.alt).join('\n'),
    attachments: [{ filename: 'customers.csv', content: 'customer_id\nC1\n', contentType: 'text/csv' }],
    inlineImages,
  };
  [stack, browser, workDir] = await Promise.all([
    startLocalStack('inline-images-test'),
    launchChromium(),
    mkdtemp(join(tmpdir(), 'segment-report-inline-images-')),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([
    stack?.stop(),
    browser?.close(),
    workDir && rm(workDir, { recursive: true, force: true }),
  ]);
});

/** The raw message the local SES accepted for `message`, parsed by Python. */
async function sentAndParsed(): Promise<PythonMimePart> {
  const messageId = await new SesMailer(createSesClient(stack.endpoints)).send(message);
  const raw = stack.rawMessages().find((accepted) => accepted.messageId === messageId);
  expect(raw, 'the raw message SES accepted').toBeDefined();
  const file = join(workDir, 'sent.eml');
  await writeFile(file, raw?.raw ?? '');
  return readMimeTreeWithPython(file);
}

const bare = (contentId: string | null): string => (contentId ?? '').replace(/^<|>$/g, '');

describe('inline chart images in the sent MIME', () => {
  it('puts the HTML and the three PNGs in one multipart/related, with the Content-IDs the HTML references', async () => {
    const root = await sentAndParsed();

    const related = allParts(root).filter((part) => part.contentType === 'multipart/related');
    expect(related).toHaveLength(1);
    const [html, ...images] = related[0]?.parts ?? [];
    expect(html?.contentType).toBe('text/html');
    expect(images.map((part) => part.contentType)).toEqual(['image/png', 'image/png', 'image/png']);
    expect(images.map((part) => bare(part.contentId))).toEqual(charts.map(({ cid }) => cid));
    for (const [index, part] of images.entries())
      expect(part.bytes).toEqual(Buffer.from(charts[index]?.chart.png ?? []));
    const references = [...(html?.bytes.toString('utf8') ?? '').matchAll(/src="cid:([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(references).toEqual(images.map((part) => bare(part.contentId)));
    // The CSV stays an attachment of the message, outside the related part.
    const csv = allParts(root).find((part) => part.contentType === 'text/csv');
    expect(csv?.disposition).toBe('attachment');
    expect(allParts(related[0] as PythonMimePart)).not.toContain(csv);
  });

  it('has no related part when there are no images: the message is as before', async () => {
    const raw = Buffer.from(await composeMime({ ...message, inlineImages: [] })).toString('utf8');
    expect(raw).not.toContain('multipart/related');
    expect(raw).not.toContain('Content-ID');
  });
});

describe('the charts email in Chromium, cid: resolved from the sent MIME', () => {
  it.each([375, 1200])(
    'shows every chart with its alt text and no sideways scroll at %i px',
    async (width) => {
      const root = await sentAndParsed();
      const parts = allParts(root);
      const html = parts.find((part) => part.contentType === 'text/html')?.bytes.toString('utf8') ?? '';
      const resolved = html.replace(/cid:([^"]+)/g, (reference, cid: string) => {
        const image = parts.find((part) => bare(part.contentId) === cid);
        return image ? `data:${image.contentType};base64,${image.bytes.toString('base64')}` : reference;
      });
      expect(resolved).not.toContain('cid:');

      const page = await openHtml(browser, resolved, width);
      try {
        const shown = await page.$$eval('img', (images) =>
          images.map((image) => ({
            naturalWidth: (image as unknown as { naturalWidth: number }).naturalWidth,
            alt: image.getAttribute('alt'),
            right: image.getBoundingClientRect().right,
          })),
        );
        expect(shown.map((image) => image.naturalWidth)).toEqual([1200, 1200, 1200]);
        expect(shown.map((image) => image.alt)).toEqual(charts.map(({ chart }) => chart.alt));
        for (const image of shown) expect(image.right).toBeLessThanOrEqual(width);
        const fit = await measureHorizontalFit(page);
        expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
        expect(fit.overflowing).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
