/** The alerts section of the email, and the alerts it renders. */
import { escapeHtml } from '../markup/escape-html.ts';
import { sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

export interface AlertsProps {
  /** One sentence per alert that fired. */
  alerts: string[];
  labels: { alerts: string };
}

/** The alerts that fired; nothing at all when none did. */
export function alertsSection(view: AlertsProps): string {
  if (view.alerts.length === 0) return '';
  const items = view.alerts.map((alert) => `<li style="margin:0 0 6px;">${escapeHtml(alert)}</li>`).join('');
  return `
  <mj-section background-color="${THEME.alertBackground}" padding="12px 8px" css-class="section-alerts">
    <mj-column>${sectionTitle(`⚠ ${view.labels.alerts}`)}
      <mj-text font-size="14px" line-height="20px" color="${THEME.bad}" padding="4px 8px"><ul style="margin:0;padding:0 0 0 18px;">${items}</ul></mj-text>
    </mj-column>
  </mj-section>`;
}
