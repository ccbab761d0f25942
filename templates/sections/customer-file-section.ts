import type { ReportView } from '../../lambda/report/view-model/report-view.ts';
import { escapeHtml } from '../escape-html.ts';
import { THEME } from '../theme.ts';
import { card, sectionTitle } from './section-title.ts';

/** Where marketing finds the per-customer file: attached, or a link with its expiry. */
export function customerFileSection(view: ReportView): string {
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
