/** The header section of the email, and the header it renders. */
import { escapeHtml } from '../markup/escape-html.ts';
import { THEME } from '../markup/theme.ts';

/** What names the report at the top of the email. */
export interface ReportHeader {
  title: string;
  company: string | null;
  kind: string;
  period: string;
  asOf: string | null;
  source: string;
}

export interface HeaderProps {
  header: ReportHeader;
}

/** Report name, kind, period, as-of day and data source. */
export function headerSection(view: HeaderProps): string {
  const { header } = view;
  const company = header.company ? `${escapeHtml(header.company)} · ` : '';
  const lines = [header.period, header.asOf, header.source].filter((line) => line !== null).map(escapeHtml);
  return `
  <mj-section background-color="${THEME.brand}" padding="24px 16px" css-class="section-header">
    <mj-column>
      <mj-text color="${THEME.brandText}" font-size="13px" padding="0 8px">${company}${escapeHtml(header.kind)}</mj-text>
      <mj-text color="${THEME.brandText}" font-size="24px" font-weight="bold" line-height="30px" padding="4px 8px"><h1 style="margin:0;font-size:24px;">${escapeHtml(header.title)}</h1></mj-text>
      <mj-text color="${THEME.brandText}" font-size="13px" line-height="19px" padding="4px 8px">${lines.join('<br>')}</mj-text>
    </mj-column>
  </mj-section>`;
}
