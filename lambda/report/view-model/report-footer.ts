/** The report's footer: when it was generated, and how its numbers were computed. */
import type { ReportFooter } from '../templates/sections/footer-section.ts';
import type { ReportContext } from './report-context.ts';

/** The generation moment with its time zone, then one line per method used (RFM, K-means and how K was set). */
export function reportFooter(context: ReportContext): ReportFooter {
  const { messages, format, settings } = context;
  return {
    generated: messages.footer.generated(format.moment(context.now), settings.timeZone),
    methods: methods(context),
  };
}

function methods(context: ReportContext): string[] {
  const { analysis, messages, format } = context;
  const lines: string[] = [];
  if (analysis.rfm) lines.push(messages.footer.rfmMethod);
  const clusters = analysis.clusters;
  if (clusters.skipped === null) {
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
  return lines;
}
