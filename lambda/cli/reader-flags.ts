/**
 * How `analyze` reads the file (an entry of ANALYZE_FLAGS, kept here to keep that table readable): the engine, or
 * DuckDB aggregating first.
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
} as const satisfies Record<string, FlagSpec>;
