/** The footer section of the email, and the lines it renders. */
import { escapeHtml } from '../markup/escape-html.ts';
import { THEME } from '../markup/theme.ts';

export interface ReportFooter {
  generated: string;
  methods: string[];
}

export interface FooterProps {
  footer: ReportFooter;
}

/** When it was generated (with the time zone) and how the numbers were computed. */
export function footerSection(view: FooterProps): string {
  const lines = [view.footer.generated, ...view.footer.methods].map(escapeHtml).join('<br>');
  return `
  <mj-section padding="12px 16px" css-class="section-footer">
    <mj-column>
      <mj-text font-size="11px" line-height="16px" color="${THEME.muted}" padding="0 8px">${lines}</mj-text>
    </mj-column>
  </mj-section>`;
}
