/** How clean the input was: rows read, used and rejected, and the notes a reader should know. */
import type { DataQuality } from '../templates/sections/data-quality-section.ts';
import type { ReportContext } from './report-context.ts';
import { otherCurrencyNote } from './report-currency.ts';

/** How the report names each SQL engine. */
const SQL_ENGINE_NAMES = { athena: 'Amazon Athena', duckdb: 'DuckDB' } as const;

/** Rows read, used and rejected by reason, customers set aside as ambiguous, and anything else to know. */
export function dataQuality(context: ReportContext): DataQuality {
  const { analysis, messages, format } = context;
  const input = analysis.input;
  const facts = [
    { label: messages.quality.rowsRead, value: format.integer(input.rowsRead) },
    { label: messages.quality.rowsUsed, value: format.integer(input.rowsUsed) },
  ];
  for (const [reason, count] of Object.entries(input.rowsRejected)) {
    if (!count) continue;
    facts.push({
      label: messages.quality.rejected(messages.quality.reasons[reason] ?? reason),
      value: format.integer(count),
    });
  }
  const notes: string[] = [...otherCurrencyNote(analysis, messages, format.integer)];
  if (analysis.clusters.skipped !== null)
    notes.push(messages.quality.clusteringSkipped(format.integer(analysis.kpis.customers)));
  else if (analysis.clusters.ambiguousCustomers > 0) {
    notes.push(
      messages.quality.ambiguous({
        customers: format.integer(analysis.clusters.ambiguousCustomers),
        margin: format.decimal(analysis.clusters.ambiguousMargin, 2),
      }),
    );
  }
  if (input.aggregatedBy !== undefined)
    notes.push(messages.quality.aggregatedBy(SQL_ENGINE_NAMES[input.aggregatedBy]));
  if (input.undecodableCharacters > 0)
    notes.push(messages.quality.undecodable(format.integer(input.undecodableCharacters)));
  for (const skipped of context.skippedHistory ?? []) notes.push(messages.quality.historySkipped(skipped));
  return { facts, notes };
}
