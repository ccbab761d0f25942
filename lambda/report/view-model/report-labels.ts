/** The labels of the report's sections, in the report's language. */
import type { ReportLabels } from '../templates/report-view.ts';
import { wholeFileTitle } from './period-activity.ts';
import type { ReportContext } from './report-context.ts';

/** Section titles, strategy and watch headings, what the changes compare with, and the language's colon. */
export function reportLabels(context: ReportContext): ReportLabels {
  const { messages, settings, previous } = context;
  return {
    headline: wholeFileTitle(context) ?? messages.sections.headline,
    keyPoints: messages.sections.keyPoints,
    strategies: messages.sections.strategies,
    budget: messages.sections.budget,
    alerts: messages.sections.alerts,
    watch: messages.sections.watch,
    nextSteps: messages.sections.nextSteps,
    dataQuality: messages.sections.dataQuality,
    strategy: messages.strategy,
    watchColumns: {
      kpi: messages.watch.kpi,
      current: messages.watch.current,
      target: messages.watch.target,
      status: messages.watch.status,
    },
    comparison: previous ? messages.kpis.sincePrevious : messages.kpis.noPrevious,
    colon: settings.locale === 'fr' ? '\u00a0:' : ':',
  };
}
