/** The customer file section of the email, and the note it renders. */
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

/** Where the per-customer file is: a sentence, and the link when it is not attached. */
export interface CustomerFileNote {
  title: string;
  text: string;
  link: { url: string; text: string } | null;
}

export interface CustomerFileProps {
  customerFile: CustomerFileNote | null;
}

/** Where marketing finds the per-customer file: attached, or a link with its expiry. */
export function customerFileSection(view: CustomerFileProps): string {
  const file = view.customerFile;
  if (!file) return '';
  const link = file.link
    ? `<br><a href="${escapeHtml(file.link.url)}" style="color:${THEME.brand};">${escapeHtml(file.link.text)}</a>`
    : '';
  return card(
    'section-customer-file',
    `${sectionTitle(file.title)}
      <mj-text font-size="13px" line-height="19px" padding="4px 8px">${escapeHtml(file.text)}${link}</mj-text>`,
  );
}
