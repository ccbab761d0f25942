/**
 * The group of customers slipping away: the RFM segments the KPIs count as at risk (AT_RISK_SEGMENTS), named in
 * the report's language wherever the group is counted (headline, key point, alert), so that its count is never
 * read as the At risk segment's own.
 */
import { AT_RISK_SEGMENTS, RFM_SEGMENT_NAMES } from '../../engine/rfm/rfm-segments.ts';
import type { ReportContext } from './report-context.ts';

/** "At risk, Can't lose them, About to sleep", in the report's language. */
export function slippingSegments({ settings }: Pick<ReportContext, 'settings'>): string {
  return AT_RISK_SEGMENTS.map((key) => RFM_SEGMENT_NAMES[key][settings.locale]).join(', ');
}
