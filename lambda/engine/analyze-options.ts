import type { InputShape } from './analysis-types.ts';

/** How to analyse a file. Everything but the source name and the moment has a default (ANALYZE_DEFAULTS). */
export interface AnalyzeOptions {
  /** Names the input in messages and in the analysis: a path or `s3://bucket/key`. */
  sourceName: string;
  /** The moment of the analysis (injected: the same input and `now` give the same result). */
  now: Date;
  /** Seed of K-means: the same seed gives the same clusters. */
  seed?: number | undefined;
  /** Fixed number of clusters; chosen by silhouette in 2..8 when absent. */
  k?: number | undefined;
  /** As-of day (YYYY-MM-DD); default the day after the last transaction. */
  asOf?: string | undefined;
  /** Explicit column roles, `customer=...,order=...,date=...,amount=...` (or quantity=...,price=...). */
  map?: string | undefined;
  /** `DD/MM/YYYY` or `MM/DD/YYYY` when the data cannot tell. */
  dateFormat?: string | undefined;
  /** Input shape; detected from the header when 'auto'. */
  shape?: 'auto' | InputShape | undefined;
  /** Customer tables: the columns to cluster on (default: every informative numeric column). */
  features?: readonly string[] | undefined;
  /** A customer is active when its last purchase is at most this many days before the as-of day. */
  activeWindowDays?: number | undefined;
  /** A customer whose margin to a second cluster is below this is set aside as ambiguous. */
  ambiguousMargin?: number | undefined;
  /** Called after each chunk with the number of lines read so far. */
  onProgress?: ((linesRead: number) => void) | undefined;
}

/** Defaults, merged once: seed 42, shape detected, 90-day activity window, margin 0.1. */
export const ANALYZE_DEFAULTS = {
  seed: 42,
  shape: 'auto',
  activeWindowDays: 90,
  ambiguousMargin: 0.1,
} as const satisfies Partial<AnalyzeOptions>;

/** Options with every default applied. */
export type ResolvedAnalyzeOptions = Omit<AnalyzeOptions, keyof typeof ANALYZE_DEFAULTS> & {
  seed: number;
  shape: 'auto' | InputShape;
  activeWindowDays: number;
  ambiguousMargin: number;
};

/** Applies the defaults once; explicit undefined values keep the default. */
export function resolveAnalyzeOptions(options: AnalyzeOptions): ResolvedAnalyzeOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { ...ANALYZE_DEFAULTS, ...defined } as ResolvedAnalyzeOptions;
}
