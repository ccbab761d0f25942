// The analysis read back from JSON (`--previous`, an archived analysis.json): what the engine writes reads back as
// it was, every wrong field is refused with its path, and nothing the schema lets through can put "NaN", "Infinity"
// or "∞" into a report.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, safeParseAnalysis } from '../../../lambda/engine/analysis/parse-analysis.ts';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import { makeFormatters } from '../../../lambda/report/locale/formatters.ts';
import { renderText } from '../../../lambda/report/render/render-text.ts';
import { buildReportView } from '../../../lambda/report/view-model/build-report-view.ts';
import { kpiDelta } from '../../../lambda/report/view-model/headline-kpis.ts';
import { TEN_CUSTOMERS_CSV } from '../../fixtures/ten-customers.ts';
import { analysisFixture } from '../../report/fixtures/analysis-fixture.ts';
import { reportInput } from '../../report/fixtures/report-input.ts';
import { analyzeText } from '../../support/analyze-text.ts';
import { customerTableCsv, threeGroupsCsv } from '../../support/cli-fixtures.ts';
import { InputError } from '../../../lambda/errors/input-errors.ts';

type Path = readonly (string | number)[];

/** Stands for "no such field" among the replacement values. */
const REMOVED = Symbol('removed');

/** What a report must never show: a number that is not one. */
const POISON = /NaN|Infinity|∞/;

/** The engine's analyses of three fixtures: a log with clusters, a log with rejected lines, a customer table. */
const FIXTURES = {
  'a transaction log of three groups': () =>
    analyzeText(threeGroupsCsv(), { now: new Date('2025-01-01T00:00:00Z') }),
  'ten customers with rejected lines': () => analyzeText(TEN_CUSTOMERS_CSV),
  'a customer table': () => analyzeText(customerTableCsv()),
};
type FixtureName = keyof typeof FIXTURES;
const FIXTURE_NAMES = Object.keys(FIXTURES) as FixtureName[];

/** Each fixture's analysis as it is in a file: through JSON.stringify and JSON.parse. */
const written = new Map<FixtureName, Analysis>();

beforeAll(async () => {
  for (const name of FIXTURE_NAMES) {
    written.set(name, JSON.parse(JSON.stringify((await FIXTURES[name]()).analysis)) as Analysis);
  }
});

function writtenAnalysis(name: FixtureName = 'ten customers with rejected lines'): Analysis {
  const analysis = written.get(name);
  if (!analysis) throw new Error(`no analysis of ${name}`);
  return structuredClone(analysis);
}

/** A deep copy of `value` with the field at `path` replaced (or removed). */
function withValue(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) return replacement;
  if (replacement === REMOVED) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

/** The path of every number in a JSON value. */
function numericLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'number') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    numericLeaves(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

/** The error parseAnalysis throws (the test fails when it returns). */
function parseError(value: unknown, source: string): Error {
  try {
    parseAnalysis(value, source);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`a non-Error was thrown: ${String(error)}`);
  }
  throw new Error('parseAnalysis accepted the value');
}

/** The lines of the report on `analysis` (text version, subject, preheader) with a number that is not one. */
function poisonIn(analysis: Analysis, previous: Analysis, locale: 'en' | 'fr'): string[] {
  const view = buildReportView(reportInput({ analysis, previous, settings: { locale } }));
  const text = [view.subject, view.preheader, renderText(view)].join('\n');
  return text.split('\n').filter((line) => POISON.test(line));
}

describe('parseAnalysis of what the engine writes', () => {
  it.each(FIXTURE_NAMES)('reads back the analysis of %s as it was written', (name) => {
    const analysis = writtenAnalysis(name);
    expect(parseAnalysis(analysis, 'analysis.json')).toStrictEqual(analysis);
    expect(safeParseAnalysis(analysis)).toStrictEqual({ ok: true, analysis });
  });

  it('covers what the fixtures are there for: clusters, rejected lines, a customer table', () => {
    expect(writtenAnalysis('a transaction log of three groups').clusters.clusters.length).toBeGreaterThan(1);
    expect(writtenAnalysis('a transaction log of three groups').kpis.retentionRate).toBeDefined();
    expect(Object.keys(writtenAnalysis().input.firstRejectedLine).length).toBeGreaterThan(3);
    expect(writtenAnalysis('a customer table').input.shape).toBe('customers');
  });

  it('reads an analysis without RFM, clusters or retention (the nulls and absences the engine writes)', () => {
    const analysis = analysisFixture({
      rfm: null,
      period: { firstPurchase: null, lastPurchase: null },
      input: { dateOrder: null },
      kpis: { retentionRate: undefined },
      clusters: {
        skipped: 'too few customers to cluster (3)',
        k: 0,
        selection: null,
        features: [],
        clusters: [],
        ambiguousCustomers: 0,
      },
    });
    const read = JSON.parse(JSON.stringify(analysis)) as unknown;
    expect(parseAnalysis(read, 'analysis.json')).toStrictEqual(read);
    expect(parseAnalysis(read, 'analysis.json').kpis).not.toHaveProperty('retentionRate');
  });

  it('drops fields it does not know, so an older or newer writer of version 1 stays readable', () => {
    const analysis = writtenAnalysis();
    let extended = withValue(analysis, ['kpis', 'marginRate'], 0.3);
    extended = withValue(extended, ['writer'], { name: 'segment-report', version: '9.9' });
    extended = withValue(extended, ['input', 'rowsRejected', 'someNewReason'], 4);
    extended = withValue(extended, ['clusters', 'clusters', 0, 'kpis', 'churnScore'], 'high');
    expect(parseAnalysis(extended, 'analysis.json')).toStrictEqual(analysis);
  });
});

interface RefusedCase {
  name: string;
  value: (analysis: Analysis) => unknown;
  /** What safeParseAnalysis says, and parseAnalysis after the source. */
  problem: string;
}

const NOT_AN_ANALYSIS = 'expected an analysis (a JSON object written by --json)';
const VERSION = 'schemaVersion: expected 1 (the only schema version this release reads)';
const FINITE = 'expected a finite number';
const COUNT = 'expected a whole number of 0 or more';
const SHARE = 'expected a share between 0 and 1';

const REFUSED: RefusedCase[] = [
  { name: 'null', value: () => null, problem: NOT_AN_ANALYSIS },
  { name: 'a list', value: (analysis) => [analysis], problem: NOT_AN_ANALYSIS },
  { name: 'a string', value: () => 'analysis.json', problem: NOT_AN_ANALYSIS },
  { name: 'an empty object', value: () => ({}), problem: VERSION },
  { name: 'only empty KPIs', value: () => ({ kpis: {} }), problem: VERSION },
  {
    name: 'schema version 2',
    value: (analysis) => withValue(analysis, ['schemaVersion'], 2),
    problem: VERSION,
  },
  {
    name: 'version 1 with empty KPIs',
    value: (analysis) => withValue(analysis, ['kpis'], {}),
    problem: `kpis.customers: ${COUNT}`,
  },
  {
    name: 'a null revenue',
    value: (analysis) => withValue(analysis, ['kpis', 'revenue'], null),
    problem: `kpis.revenue: ${FINITE}`,
  },
  {
    name: 'a revenue written as a string',
    value: (analysis) => withValue(analysis, ['kpis', 'revenue'], '1234.5'),
    problem: `kpis.revenue: ${FINITE}`,
  },
  {
    name: 'a revenue of 1e400 (JSON.parse makes it Infinity)',
    value: (analysis) => JSON.parse(JSON.stringify(analysis).replace(/"revenue":[^,}]+/, '"revenue":1e400')),
    problem: `kpis.revenue: ${FINITE}`,
  },
  {
    name: 'a NaN average order value',
    value: (analysis) => withValue(analysis, ['kpis', 'averageOrderValue'], Number.NaN),
    problem: `kpis.averageOrderValue: ${FINITE}`,
  },
  {
    name: 'a fractional customer count',
    value: (analysis) => withValue(analysis, ['kpis', 'customers'], 10.5),
    problem: `kpis.customers: ${COUNT}`,
  },
  {
    name: 'a negative active customer count',
    value: (analysis) => withValue(analysis, ['kpis', 'activeCustomers'], -1),
    problem: `kpis.activeCustomers: ${COUNT}`,
  },
  {
    name: 'a repeat rate above 1',
    value: (analysis) => withValue(analysis, ['kpis', 'repeatRate'], 55),
    problem: `kpis.repeatRate: ${SHARE}`,
  },
  {
    name: 'a null retention rate (absent is how "unknown" is written)',
    value: (analysis) => withValue(analysis, ['kpis', 'retentionRate'], null),
    problem: `kpis.retentionRate: ${SHARE}`,
  },
  {
    name: 'an unknown RFM segment',
    value: (analysis) => withValue(analysis, ['rfm', 'segments', 2, 'key'], 'vip'),
    problem: `rfm.segments.2.key: expected one of champions, loyal, potentialLoyalists, new, promising, needAttention, aboutToSleep, atRisk, cantLoseThem, hibernating, lost`,
  },
  {
    name: "a segment's revenue that is null",
    value: (analysis) => withValue(analysis, ['rfm', 'segments', 0, 'revenue'], null),
    problem: `rfm.segments.0.revenue: ${FINITE}`,
  },
  {
    name: "a cluster's profile value that is a string",
    value: (analysis) => withValue(analysis, ['clusters', 'clusters', 1, 'profile', 'monetary'], 'high'),
    problem: `clusters.clusters.1.profile.monetary: ${FINITE}`,
  },
  {
    name: 'a standard deviation of 0 (the z-score divides by it)',
    value: (analysis) => withValue(analysis, ['clusters', 'features', 0, 'standardDeviation'], 0),
    problem: 'clusters.features.0.standardDeviation: expected a positive number',
  },
  {
    name: 'a first purchase that is no calendar day',
    value: (analysis) => withValue(analysis, ['period', 'firstPurchase'], '2024-02-30'),
    problem: 'period.firstPurchase: expected a day YYYY-MM-DD',
  },
  {
    name: 'a generation time that is no time',
    value: (analysis) => withValue(analysis, ['generatedAt'], 'yesterday'),
    problem: 'generatedAt: expected a UTC time YYYY-MM-DDTHH:MM:SS.sssZ',
  },
  {
    name: 'an active window of 0 days',
    value: (analysis) => withValue(analysis, ['activeWindowDays'], 0),
    problem: 'activeWindowDays: expected a whole number of days above 0',
  },
  {
    name: 'a negative rejection count',
    value: (analysis) => withValue(analysis, ['input', 'rowsRejected', 'cancelled'], -3),
    problem: `input.rowsRejected.cancelled: ${COUNT}`,
  },
  {
    name: 'a missing input summary',
    value: (analysis) => withValue(analysis, ['input'], REMOVED),
    problem: 'input: expected an object',
  },
  {
    name: 'notes that are not a list',
    value: (analysis) => withValue(analysis, ['notes'], 'none'),
    problem: 'notes: expected a list',
  },
  {
    name: 'a profile key with a line break (the message stays one line)',
    value: (analysis) => withValue(analysis, ['clusters', 'clusters', 0, 'profile', 'a\nb'], null),
    problem: `clusters.clusters.0.profile."a\\nb": ${FINITE}`,
  },
];

describe('what parseAnalysis refuses', () => {
  it.each(REFUSED)('$name: one line naming the source and the first wrong field', (testCase) => {
    const value = testCase.value(writtenAnalysis());
    expect(safeParseAnalysis(value)).toStrictEqual({ ok: false, problem: testCase.problem });
    const error = parseError(value, '--previous previous.json');
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`--previous previous.json: ${testCase.problem}`);
    expect(error.message).not.toContain('\n');
  });
});

describe('one numeric field of a valid analysis changed', () => {
  // Refused with the field's path, or (an optional field removed, a number that is odd but possible) read and
  // reported, as the current analysis or as the previous one, without a number that is not one.
  const REPLACEMENTS = [
    null,
    'a string',
    '12',
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NaN,
    REMOVED,
    0,
    -1,
    0.5,
    1e300,
  ];

  it('is refused with its path, or the report it makes shows no NaN, Infinity or ∞', () => {
    const leaves = FIXTURE_NAMES.flatMap((name) =>
      numericLeaves(writtenAnalysis(name)).map((path) => ({ name, path })),
    );
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...leaves),
        fc.constantFrom(...REPLACEMENTS),
        fc.constantFrom('en' as const, 'fr' as const),
        ({ name, path }, replacement, locale) => {
          const valid = writtenAnalysis(name);
          const result = safeParseAnalysis(withValue(valid, path, replacement));
          if (!result.ok) {
            refused++;
            expect(result.problem.startsWith(`${path.join('.')}: `), result.problem).toBe(true);
            return;
          }
          accepted++;
          expect(poisonIn(result.analysis, valid, locale)).toEqual([]);
          expect(poisonIn(valid, result.analysis, locale)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
    // Both branches ran: the property did not pass by refusing (or accepting) everything.
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });

  it('never accepts null, a string or a number that is not finite in place of a number', () => {
    for (const name of FIXTURE_NAMES) {
      const valid = writtenAnalysis(name);
      for (const path of numericLeaves(valid)) {
        for (const replacement of [null, '1', Number.POSITIVE_INFINITY, Number.NaN]) {
          expect(safeParseAnalysis(withValue(valid, path, replacement)).ok, path.join('.')).toBe(false);
        }
      }
    }
  });
});

describe('the change since the previous report, with a figure read without the schema', () => {
  const context = { format: makeFormatters('en', 'USD', 'UTC') };
  const VALUE = { higherIsBetter: true, isShare: false };
  const SHARE_KPI = { higherIsBetter: true, isShare: true };
  const NO_CHANGE = null;

  it('shows no change at all rather than NaN% or +∞% when either figure is not a finite number', () => {
    expect(kpiDelta(1000, Number.NaN, VALUE, context)).toEqual(NO_CHANGE);
    expect(kpiDelta(1000, Number.POSITIVE_INFINITY, VALUE, context)).toEqual(NO_CHANGE);
    expect(kpiDelta(Number.POSITIVE_INFINITY, 1000, VALUE, context)).toEqual(NO_CHANGE);
    // An archived null, as a cast lets it through: 1000 / null is Infinity.
    expect(kpiDelta(1000, null as unknown as number, VALUE, context)).toEqual(NO_CHANGE);
    // Finite figures whose relative change is not: (1e308 - 1e-300) / 1e-300.
    expect(kpiDelta(1e308, 1e-300, VALUE, context)).toEqual(NO_CHANGE);
    expect(kpiDelta(0.5, Number.NaN, SHARE_KPI, context)).toEqual(NO_CHANGE);
  });

  it('keeps the subject free of ∞ when the previous revenue is null', () => {
    const previous = withValue(analysisFixture(), ['kpis', 'revenue'], null) as Analysis;
    const view = buildReportView(reportInput({ previous }));
    expect(view.subject).toMatch(/revenue \$1\.0M, /);
    expect(view.subject).not.toMatch(/\(|%/);
    expect(poisonIn(analysisFixture(), previous, 'en')).toEqual([]);
  });
});
