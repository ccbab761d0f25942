/**
 * What a scheduled run analyses when Athena aggregated its lines (issue 16): the result files of the aggregation's
 * queries (athena-results.ts) read as the engine's orders, analysed as the function analyses the files
 * (engine/aggregate/analyze-aggregate.ts), with the table's roles and reading as the configuration declares them.
 */
import type { InputRule } from '../config/input-rules.ts';
import { analyzeAggregatedLog } from '../engine/aggregate/analyze-aggregate.ts';
import type { AnalysisResult } from '../engine/analysis/analysis-types.ts';
import type { SegmentationModel } from '../engine/clustering/saved/segmentation-model.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';
import { type AthenaExecution, readAthenaAggregate } from './athena-results.ts';
import type { DeliveryContext } from './delivery-context.ts';
import type { StoredObject } from './ports.ts';
import { activityWindows, type ReportPeriod } from './report-period.ts';
import { filesName } from './period-input.ts';
import { tableName, warehouseSource } from './warehouse-source.ts';

/**
 * A run's input: the files behind it, how notices name it, the rule that reads it, and its analysis, scored with a
 * saved segmentation when one is given (kept-segmentation.ts), else fitted.
 */
export interface RunInput {
  files: StoredObject[];
  sources: readonly string[];
  rule: InputRule;
  analyse: (segmentation?: SegmentationModel) => Promise<AnalysisResult>;
}

/** The input of the run of `period` at `now` from Athena's `executions`; the files are the uploads the table was limited to. */
export async function athenaRunInput(
  context: Pick<DeliveryContext, 'store' | 'config' | 'logger'>,
  run: { period: ReportPeriod; now: Date },
  executions: readonly AthenaExecution[],
): Promise<RunInput> {
  const { store, config } = context;
  const warehouse = config.warehouse;
  if (warehouse === undefined) {
    throw new InvalidOptionError(
      'an Athena aggregation was handed over, but the configuration has no warehouse',
    );
  }
  const files = (await warehouseSource(context, run.period))?.files ?? [];
  const table = tableName(warehouse);
  const sourceName =
    files.length === 0 ? table : `${table}: ${filesName(store.bucket, files, run.period.id)}`;
  const analyse = async (segmentation?: SegmentationModel) => {
    const aggregate = await readAthenaAggregate(store, config.prefixes.aggregates, executions);
    context.logger.info('athena aggregation read', {
      rowsRead: aggregate.rowsRead,
      scannedBytes: aggregate.scannedBytes,
    });
    return analyzeAggregatedLog(
      {
        engine: 'athena',
        columns: definedRoles(warehouse.roles),
        delimiter: warehouse.delimiter,
        decimalMark: warehouse.decimalMark,
        rowsRead: aggregate.rowsRead,
        rejections: aggregate.rejections,
        orders: aggregate.orders,
      },
      {
        sourceName,
        now: run.now,
        activity: activityWindows(run.period),
        trendWarnings: config.report.trendWarnings,
        // The plausibility review compares it with the series' earlier runs (duplicate content).
        fingerprint: true,
        segmentation,
      },
    );
  };
  return {
    files,
    sources: [sourceName],
    rule: { prefix: config.prefixes.incoming, dataset: undefined, options: {} },
    analyse,
  };
}

/** The roles the configuration names, by role. */
function definedRoles(roles: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(roles).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
