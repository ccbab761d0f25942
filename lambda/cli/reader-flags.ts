/**
 * How `analyze` reads the file (entries of ANALYZE_FLAGS, kept here to keep that table readable): the engine, or
 * DuckDB aggregating first; and how the engine splits lines into records (the outputs are the same either way).
 */
import * as z from 'zod';
import type { FlagSpec } from './analyze-flags.ts';

export const READER_FLAGS = {
  engine: {
    value: 'E',
    wanted: 'engine|duckdb',
    help: 'engine (default): read the file line by line; duckdb: aggregate a transaction log with embedded DuckDB first',
    schema: z.enum(['engine', 'duckdb'], { error: 'must be engine or duckdb' }).optional(),
    goesTo: 'reader',
  },
  recordSplitting: {
    value: 'R',
    wanted: 'fast|general',
    help: 'fast (default): lines without quotes read directly; general: CSV parser on all (same output)',
    schema: z.enum(['fast', 'general'], { error: 'must be fast or general' }).optional(),
    goesTo: 'analysis',
  },
} as const satisfies Record<string, FlagSpec>;
