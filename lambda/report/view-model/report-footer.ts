/** The report's footer: when it was generated, the currency of its amounts, and how its numbers were computed. */
import { RECENT_ACTIVITY_SEGMENTS, RFM_SEGMENT_NAMES } from '../../engine/rfm/rfm-segments.ts';
import type { ReportFooter } from '../templates/sections/footer-section.ts';
import type { ReportContext } from './report-context.ts';
import { currencyLine } from './report-currency.ts';
import { trendsMethod } from './trend-alerts.ts';

/**
 * The generation moment with its time zone, then the amounts' currency and where it came from, then one line per
 * method used (RFM, K-means and how K was set, or the saved segmentation the clusters were scored with, how
 * priorities are derived).
 */
export function reportFooter(context: ReportContext): ReportFooter {
  const { messages, format, settings } = context;
  return {
    generated: messages.footer.generated(format.moment(context.now), settings.timeZone),
    methods: methods(context),
  };
}

function methods(context: ReportContext): string[] {
  const { analysis, messages, format, settings } = context;
  const lines: string[] = [currencyLine(context.currency, messages)];
  if (analysis.rfm) {
    const saved = analysis.rfm.savedRangesOf;
    lines.push(
      saved === undefined ? messages.footer.rfmMethod : messages.footer.rfmSavedRanges(format.day(saved)),
    );
    // Says why an executive sees fewer Champions than the top recency scores would give; the window is the one
    // the active-customer figures use.
    const names = RECENT_ACTIVITY_SEGMENTS.map((key) => RFM_SEGMENT_NAMES[key][settings.locale]);
    lines.push(
      messages.footer.rfmRecentActivity({
        segments: names.slice(0, -1).join(', '),
        last: names.at(-1) ?? '',
        days: format.integer(analysis.activeWindowDays),
      }),
    );
  }
  const clusters = analysis.clusters;
  if (clusters.skipped === null && clusters.scoredWith) {
    const { asOf } = clusters.scoredWith;
    lines.push(messages.footer.savedSegmentation({ day: format.day(asOf), k: format.integer(clusters.k) }));
  } else if (clusters.skipped === null) {
    const selection = clusters.selection;
    const chosen = selection?.candidates.find((candidate) => candidate.k === clusters.k);
    const how =
      selection?.method !== 'silhouette'
        ? messages.footer.kFixed
        : chosen?.eligible
          ? messages.footer.kChosen(format.decimal(chosen.silhouette, 2))
          : messages.footer.kFallback;
    lines.push(messages.footer.kmeansMethod({ k: format.integer(clusters.k), how }));
  }
  const trends = trendsMethod(context);
  if (trends !== null) lines.push(trends);
  if (context.primaryGroups.length > 0) lines.push(messages.footer.priorityMethod);
  return lines;
}
