/** The frame of every section: its white card and its heading. */
import { escapeHtml } from './escape-html.ts';
import { THEME } from './theme.ts';

/** A section heading, as an h2 inside an mj-text. */
export function sectionTitle(title: string): string {
  return `<mj-text font-size="18px" font-weight="bold" color="${THEME.brand}" padding="8px 8px 4px"><h2 style="margin:0;font-size:18px;">${escapeHtml(title)}</h2></mj-text>`;
}

/** A white block of the email holding one section. */
export function card(cssClass: string, content: string): string {
  return `
  <mj-section background-color="${THEME.card}" padding="12px 8px" css-class="${cssClass}">
    <mj-column>${content}
    </mj-column>
  </mj-section>`;
}
