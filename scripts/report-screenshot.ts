/**
 * The README's pictures of the email: the bundled Online Retail sample, analysed and rendered in English (GBP,
 * a fixed moment so the footer never changes), photographed in headless Chromium at 1200 px (the email area,
 * 640 px wide, centred) and at 375 px (a phone). Run: `npx tsx scripts/report-screenshot.ts`.
 */
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { analyzeCsv } from '../lambda/engine/analyze-csv.ts';
import { renderReport } from '../lambda/report/render/render-report.ts';
import { parseReportSettings } from '../lambda/report/report-settings.ts';
import { launchChromium, openHtml, pageHeight } from '../test/support/browser.ts';

const SAMPLE = fileURLToPath(new URL('../samples/online-retail-sample.csv.gz', import.meta.url));
const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));
/** After the sample's last day (2011-12-09); fixed so that the picture only changes when the report does. */
const NOW = new Date('2011-12-12T08:00:00Z');
/** The width of the email body (templates/executive-summary.ts, mj-body width). */
const EMAIL_WIDTH = 640;

interface Shot {
  file: string;
  viewportWidth: number;
  /** The part of the page kept: the email column, and the top of the email (enough to be readable). */
  clip: { x: number; width: number; height: number };
}

const SHOTS: Shot[] = [
  {
    file: 'report-screenshot.png',
    viewportWidth: 1200,
    clip: { x: (1200 - EMAIL_WIDTH) / 2, width: EMAIL_WIDTH, height: 1600 },
  },
  { file: 'report-screenshot-phone.png', viewportWidth: 375, clip: { x: 0, width: 375, height: 1400 } },
];

const { analysis } = await analyzeCsv(createReadStream(SAMPLE), { sourceName: SAMPLE, now: NOW });
const report = await renderReport({
  analysis,
  settings: parseReportSettings({ locale: 'en', currency: 'GBP', timeZone: 'Europe/London' }),
  kind: 'upload',
  now: NOW,
});

await mkdir(DOCS, { recursive: true });
const browser = await launchChromium();
try {
  for (const shot of SHOTS) {
    const page = await openHtml(browser, report.html, shot.viewportWidth);
    const height = await pageHeight(page);
    const path = `${DOCS}${shot.file}`;
    await page.screenshot({
      path,
      fullPage: true,
      clip: { x: shot.clip.x, y: 0, width: shot.clip.width, height: Math.min(shot.clip.height, height) },
    });
    await page.close();
    console.log(`${path} (${shot.clip.width} px wide, viewport ${shot.viewportWidth} px)`);
  }
} finally {
  await browser.close();
}
