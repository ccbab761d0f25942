/**
 * The emails of the three real data sets (English upload, French quarterly review) as delivery sends them: the
 * rendered report composed as deliverReport composes it, sent through SesMailer to the local SES, and the raw
 * bytes it accepted read back by Python's `email` package. The HTML and every chart are one multipart/related
 * part whose Content-IDs are exactly the HTML's `cid:` references, holding the rendered PNGs. Then the HTML and
 * images taken from that parsed MIME (not from the renderer) open in Chromium, each `cid:` resolved to its part's
 * bytes as a mail client does: no sideways scroll at a phone's or a desktop's width, every image loaded with its
 * alt text, and the images and the HTML within their budgets.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GMAIL_CLIPPING_BYTES } from '../support/email-budgets.ts';
import { createSesClient } from '../../lambda/adapters/aws-clients.ts';
import { SesMailer } from '../../lambda/adapters/ses-mailer.ts';
import { parseAppConfig } from '../../lambda/config/app-config.ts';
import { senderOf } from '../../lambda/delivery/email-sender.ts';
import type { EmailMessage } from '../../lambda/delivery/ports.ts';
import { CHART_SET_BYTE_BUDGET } from '../../lambda/report/charts/chart-style.ts';
import type { RenderedReport } from '../../lambda/report/render/render-report.ts';
import { LOCAL_CONFIG } from '../../local/local-config.ts';
import { type LocalStack, startLocalStack } from '../../local/local-stack.ts';
import { GOLDEN_DATA_SETS, renderGoldenReports } from '../report/fixtures/golden-reports.ts';
import { launchChromium, measureHorizontalFit, openHtml } from '../support/browser.ts';
import { type PythonMimePart, allParts, readMimeTreeWithPython } from '../support/python-mime-tree.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const WIDTHS = [375, 1200] as const;
const LOCALES = ['en', 'fr'] as const;
const CASES = GOLDEN_DATA_SETS.flatMap((dataSet) =>
  LOCALES.map((locale) => ({ name: dataSet.name, locale })),
);
const CONFIG = parseAppConfig(LOCAL_CONFIG);

interface SentEmail {
  report: RenderedReport;
  /** The message SES accepted, as Python's `email` package reads it. */
  root: PythonMimePart;
}

let stack: LocalStack;
let browser: Browser;
let workDir: string;
const sent = new Map<string, SentEmail>();

/** The email deliverReport sends for `report` (deliver-report.ts), with a small customers CSV attached. */
function deliveredEmail(report: RenderedReport): EmailMessage {
  return {
    ...senderOf(CONFIG),
    to: CONFIG.recipients.executives,
    subject: report.subject,
    html: report.html,
    text: report.text,
    attachments: [{ filename: 'customers.csv', content: 'customer_id\nC1\n', contentType: 'text/csv' }],
    inlineImages: report.images.map(({ cid, filename, contentType, content }) => ({
      cid,
      filename,
      contentType,
      content,
    })),
    date: new Date('2025-01-06T08:00:00Z'),
  };
}

/** Sends `report` through the SES adapter and parses the raw bytes the local SES accepted. */
async function sendAndParse(key: string, report: RenderedReport): Promise<PythonMimePart> {
  const messageId = await new SesMailer(createSesClient(stack.endpoints)).send(deliveredEmail(report));
  const raw = stack.rawMessages().find((accepted) => accepted.messageId === messageId);
  if (raw === undefined) throw new Error(`the local SES kept no raw message for ${key}`);
  const file = join(workDir, `${key}.eml`);
  await writeFile(file, raw.raw);
  return readMimeTreeWithPython(file);
}

beforeAll(async () => {
  const rendered = Promise.all(GOLDEN_DATA_SETS.map(renderGoldenReports));
  [stack, browser, workDir] = await Promise.all([
    startLocalStack('real-email-mime-test'),
    launchChromium(),
    mkdtemp(join(tmpdir(), 'segment-report-real-email-mime-')),
  ]);
  for (const [index, reports] of (await rendered).entries()) {
    for (const locale of LOCALES) {
      const key = `${GOLDEN_DATA_SETS[index]?.name}.${locale}`;
      sent.set(key, { report: reports[locale], root: await sendAndParse(key, reports[locale]) });
    }
  }
}, 240_000);

afterAll(async () => {
  await Promise.all([
    stack?.stop(),
    browser?.close(),
    workDir && rm(workDir, { recursive: true, force: true }),
  ]);
});

const bare = (contentId: string | null): string => (contentId ?? '').replace(/^<|>$/g, '');
const cidReferences = (html: string): string[] =>
  [...html.matchAll(/src="cid:([^"]+)"/g)].map((match) => match[1] ?? '');

/** The HTML part and the image parts of the parsed message. */
function partsOf(root: PythonMimePart): { html: string; images: PythonMimePart[] } {
  const parts = allParts(root);
  const htmlParts = parts.filter((part) => part.contentType === 'text/html');
  expect(htmlParts).toHaveLength(1);
  return {
    html: htmlParts[0]?.bytes.toString('utf8') ?? '',
    images: parts.filter((part) => part.contentType.startsWith('image/')),
  };
}

/** The HTML with each `cid:` replaced by a data: URL of the MIME part carrying that Content-ID. */
function resolveFromMime(html: string, images: readonly PythonMimePart[]): string {
  return html.replace(/src="cid:([^"]+)"/g, (reference, cid: string) => {
    const image = images.find((part) => bare(part.contentId) === cid);
    return image ? `src="data:${image.contentType};base64,${image.bytes.toString('base64')}"` : reference;
  });
}

describe.each(CASES)('the sent $name email in $locale', ({ name, locale }) => {
  const email = () => sent.get(`${name}.${locale}`) as SentEmail;

  it('keeps the HTML and its charts in one multipart/related part, by matching Content-IDs', () => {
    const { report, root } = email();
    const { html, images } = partsOf(root);
    const related = allParts(root).filter((part) => part.contentType === 'multipart/related');
    expect(html).toBe(report.html);
    if (name === 'customer-personality') {
      // No trends: no image, and no related part is needed.
      expect(images).toEqual([]);
      expect(related).toEqual([]);
      expect(cidReferences(html)).toEqual([]);
      return;
    }
    expect(related).toHaveLength(1);
    const inside = allParts(related[0] as PythonMimePart);
    expect(inside.filter((part) => part.contentType === 'text/html')).toHaveLength(1);
    expect(inside.filter((part) => part.contentType.startsWith('image/'))).toEqual(images);
    expect(images.map((part) => part.contentType)).toEqual(['image/png', 'image/png', 'image/png']);
    const contentIds = images.map((part) => bare(part.contentId));
    expect(new Set(contentIds).size).toBe(images.length);
    expect([...cidReferences(html)].sort()).toEqual([...contentIds].sort());
    for (const image of report.images) {
      const part = images.find((candidate) => bare(candidate.contentId) === image.cid);
      expect(part?.bytes, image.cid).toEqual(Buffer.from(image.content));
    }
  });

  it('keeps the images and the HTML within their budgets', () => {
    const { html, images } = partsOf(email().root);
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(GMAIL_CLIPPING_BYTES);
    const imageBytes = images.reduce((sum, part) => sum + part.bytes.byteLength, 0);
    expect(imageBytes).toBeLessThan(CHART_SET_BYTE_BUDGET);
  });

  it.each(WIDTHS)(
    'opens at %i px with every image loaded, its alt text, and no sideways scroll',
    async (width) => {
      const { html, images } = partsOf(email().root);
      const resolved = resolveFromMime(html, images);
      expect(cidReferences(resolved), 'cid: references without an image part').toEqual([]);
      const page = await openHtml(browser, resolved, width);
      try {
        const fit = await measureHorizontalFit(page);
        expect(fit.scrollWidth).toBeLessThanOrEqual(width + 1);
        expect.soft(fit.overflowing, `boxes past the edge at ${width} px`).toEqual([]);
        const shown = await page.$$eval('img', (elements) =>
          elements.map((element) => ({
            src: (element.getAttribute('src') ?? '').slice(0, 22),
            alt: element.getAttribute('alt') ?? '',
            naturalWidth: (element as unknown as { naturalWidth: number }).naturalWidth,
          })),
        );
        expect(shown).toHaveLength(images.length);
        for (const image of shown) {
          expect(image.src).toBe('data:image/png;base64,');
          expect(image.naturalWidth, image.alt).toBeGreaterThan(0);
          expect(image.alt.trim()).not.toBe('');
        }
      } finally {
        await page.close();
      }
    },
  );
});
