/**
 * What a held report needs from its rendering (issue 15): the customers file's link signed again when the report
 * is released days later (the link and its expiry are the only words that change), and a preview of the email
 * the data team can open in a browser, its `cid:` charts carried inside as `data:` images.
 */
import { TemplateError } from '../../errors/template-error.ts';
import { makeFormatters } from '../locale/formatters.ts';
import { messagesOf } from '../locale/messages-of.ts';
import type { ReportLocale } from '../report-settings.ts';
import { escapeHtml } from '../templates/markup/escape-html.ts';

/** A link to the customers file and when it stops working. */
export interface CustomerFileLink {
  url: string;
  expires: Date;
}

/** The report's language and time zone: what the link's expiry is written in. */
export interface LinkWords {
  locale: ReportLocale;
  timeZone: string;
}

/**
 * The rendered report with the customers file's link `from` replaced by `to`, in the HTML and the text, as if it
 * had been rendered with `to`. Throws when the report does not carry `from` as rendered: a report that would go
 * out with a dead link is not sent.
 */
export function relinkCustomerFile(
  report: { html: string; text: string },
  words: LinkWords,
  from: CustomerFileLink,
  to: CustomerFileLink,
): { html: string; text: string } {
  const sentence = linkSentences(words);
  const pairs = (escape: (text: string) => string) => [
    [escape(from.url), escape(to.url)],
    [escape(sentence(from.expires)), escape(sentence(to.expires))],
  ];
  return {
    html: replaceAll(report.html, pairs(escapeHtml), 'HTML'),
    text: replaceAll(
      report.text,
      pairs((text) => text),
      'text',
    ),
  };
}

/** The sentence that gives the link's expiry, in the report's words. */
function linkSentences(words: LinkWords): (expires: Date) => string {
  const format = makeFormatters(words.locale, undefined, words.timeZone);
  const messages = messagesOf(words.locale);
  return (expires) => messages.customerFile.link(format.moment(expires));
}

function replaceAll(text: string, pairs: string[][], part: string): string {
  let result = text;
  for (const [from, to] of pairs) {
    if (from === undefined || to === undefined) continue;
    if (!result.includes(from)) {
      throw new TemplateError(`the held report's ${part} does not carry its customers link as rendered`);
    }
    result = result.split(from).join(to);
  }
  return result;
}

/** An image the HTML shows by Content-ID. */
export interface CidImage {
  cid: string;
  contentType: string;
  content: Uint8Array;
}

/** The email's HTML with each `cid:` image inside it as a `data:` URL: what a browser shows of the email. */
export function previewHtml(html: string, images: readonly CidImage[]): string {
  let preview = html;
  for (const image of images) {
    const data = `data:${image.contentType};base64,${Buffer.from(image.content).toString('base64')}`;
    preview = preview.split(`src="cid:${escapeHtml(image.cid)}"`).join(`src="${data}"`);
  }
  return preview;
}
