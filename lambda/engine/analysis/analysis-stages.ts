/**
 * The stages of a transaction log's analysis that a caller may time (the benchmark's breakdown, bench/steps/):
 * the engine runs each through the caller's `timeStage` and keeps no clock of its own.
 */
export const ANALYSIS_STAGES = ['read', 'trends', 'value', 'rfm', 'segments'] as const;
export type AnalysisStage = (typeof ANALYSIS_STAGES)[number];

/** Runs `run` as the stage (and times it, say); must return what `run` returns. */
export type StageTimer = <T>(stage: AnalysisStage, run: () => T) => T;

/** The default: no timing. */
export const untimed: StageTimer = (_stage, run) => run();
