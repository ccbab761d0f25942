/** The note on the per-customer file in the report. */
import type { CustomerFileNote } from '../templates/sections/customer-file-section.ts';
import type { ReportContext } from './report-context.ts';

/** Where the per-customer file is: attached, or behind a link with its expiry. */
export function customerFileNote(context: ReportContext): CustomerFileNote | null {
  const file = context.customerFile;
  if (!file) return null;
  const { messages, format } = context;
  if ('attachedAs' in file) {
    return {
      title: messages.customerFile.title,
      text: messages.customerFile.attached(file.attachedAs),
      link: null,
    };
  }
  return {
    title: messages.customerFile.title,
    text: messages.customerFile.link(format.moment(file.expires)),
    link: { url: file.url, text: messages.customerFile.linkText },
  };
}
