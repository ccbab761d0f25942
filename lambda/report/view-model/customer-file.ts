import type { ReportContext } from './report-context.ts';
import type { ReportView } from './report-view.ts';

/** Where the per-customer file is: attached, or behind a link with its expiry. */
export function customerFileNote(context: ReportContext): ReportView['customerFile'] {
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
