/**
 * The customer-table pipeline: one row per customer read into facts and features, RFM scores when the columns
 * allow them, then the shared tail (KPIs, segments, K-means on the informative columns, notes) and the rows.
 */
import type { ShapeAnalysis } from '../analysis/analysis-types.ts';
import type { ResolvedAnalyzeOptions } from '../analysis/analyze-options.ts';
import { factColumnsOf } from '../kpis/group-kpis.ts';
import { recentActivityMethod } from '../rfm/rfm-segments.ts';
import { rfmEdgesOf, scoreRfmOn } from '../rfm/score-edges.ts';
import { summarizeCustomerBase } from '../shared-steps/summarize-customer-base.ts';
import { allowsRfm, findCustomerTableRoles } from './customer-table-columns.ts';
import { type CustomerTableInput, readTableFacts } from './customer-table-facts.ts';
import { customerTableRows } from './customer-table-rows.ts';
import { withProspectModel } from './prospect-training.ts';

const RFM_METHOD =
  'Recency from the table; frequency and monetary summed from its purchase and spending columns; quintiles as for transactions';
const NO_RFM_NOTE = 'no recency and purchase columns: RFM segments are not computed for this table';
export const NO_VALUE_NOTE =
  'one row per customer: purchase-model predictions (P(alive), expected purchases, customer value) need a ' +
  'transaction log, one line per order';

/** Analyses a customer table: one row per customer, K-means on its informative columns, RFM when they allow. */
export async function analyzeCustomerTable(
  input: CustomerTableInput,
  options: ResolvedAnalyzeOptions,
): Promise<ShapeAnalysis> {
  const roles = findCustomerTableRoles(input.header);
  const table = await readTableFacts(input, roles, options);
  const facts = factColumnsOf(table.facts);
  const hasRfm = allowsRfm(roles);
  const scores = hasRfm
    ? scoreRfmOn(facts, options.activeWindowDays, options.segmentation?.rfm?.edges)
    : undefined;
  const { body, clusters, model } = summarizeCustomerBase(
    {
      facts,
      segments: scores?.segments,
      asOfDay: table.asOfDay,
      rfmMethod: `${RFM_METHOD}; ${recentActivityMethod(options.activeWindowDays)}`,
      features: table.features,
      naming: 'generic',
      shape: 'customers',
      rfmEdges: scores ? rfmEdgesOf(facts, scores) : null,
      featureColumns: table.featureColumns,
    },
    options,
  );
  return {
    input: {
      decimalMark: table.decimalMark,
      dateOrder: options.dateOrder ?? null,
      columns: table.featureSources,
      rowsRead: table.rowsRead,
      rowsUsed: table.ids.length,
      rowsRejected: table.rejected,
      firstRejectedLine: table.firstRejectedLine,
    },
    body: {
      period: { firstPurchase: null, lastPurchase: null },
      ...body,
      value: null,
      trends: null,
      notes: [...body.notes, ...(hasRfm ? [] : [NO_RFM_NOTE]), NO_VALUE_NOTE, ...table.notes],
    },
    customers: customerTableRows(table.ids, facts, scores, clusters, table.features),
    // A model scored with is carried as it is; a fitted one gets its prospect model.
    model:
      model && clusters && !options.segmentation
        ? withProspectModel(model, {
            features: table.features,
            featureSources: table.featureSources,
            header: input.header,
            roles,
            assignments: clusters.assignments,
            seed: options.seed,
            prospectFeatures: options.prospectFeatures,
          })
        : model,
  };
}
