// Hostile report options: settings that give every segment an impossible investment, and a previous analysis
// whose KPIs are strings.
import { RFM_SEGMENT_KEYS } from '../../../lambda/engine/rfm/rfm-segments.ts';

/** Settings JSON text giving every segment (and the default) an `investmentPerCustomer` of `value` (JSON text). */
export function investmentSettingsJson(value: string): string {
  const keys = ['default', ...RFM_SEGMENT_KEYS];
  const entries = keys.map((key) => `    "${key}": { "investmentPerCustomer": ${value} }`);
  return `{\n  "playbook": {\n${entries.join(',\n')}\n  }\n}\n`;
}

/** A `--json` analysis with its base KPIs written as strings (`"customers": "45"`). */
export function withStringKpis(analysisJson: string): string {
  const analysis = JSON.parse(analysisJson) as { kpis: Record<string, unknown> };
  const kpis = Object.fromEntries(Object.entries(analysis.kpis).map(([key, value]) => [key, String(value)]));
  return `${JSON.stringify({ ...analysis, kpis }, null, 2)}\n`;
}
