// What a report Lambda's bundle loads at cold start and what it imports later (bundleGraph), on a hand-made
// metafile and on the real handlers: their cold-start part holds no MJML, ECharts or analysis.
import { build, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleGraph, esbuildOptionsFor } from '../../bench/bench-helpers/lambda-bundle-build.ts';
import { projectRoot } from '../../bench/bench-helpers/paths.ts';
import { REPORT_BUNDLING, REPORT_HANDLER_FILES } from '../../infra/constructs/report-bundling.ts';

/** A metafile of one bundle: its inputs, each with its imports and the bytes it left in the output. */
function metafileOf(inputs: Record<string, { bytes: number; imports: [string, string][] }>): Metafile {
  return {
    inputs: Object.fromEntries(
      Object.entries(inputs).map(([path, { bytes, imports }]) => [
        path,
        { bytes, imports: imports.map(([target, kind]) => ({ path: target, kind })) },
      ]),
    ),
    outputs: {
      'out/index.mjs': {
        bytes: 0,
        entryPoint: 'handler.ts',
        imports: [],
        exports: [],
        inputs: Object.fromEntries(
          Object.entries(inputs).map(([path, { bytes }]) => [path, { bytesInOutput: bytes }]),
        ),
      },
    },
  } as unknown as Metafile;
}

describe('bundleGraph', () => {
  it('counts what static imports and require() reach as cold start, the rest as lazy', () => {
    const graph = bundleGraph(
      metafileOf({
        'handler.ts': {
          bytes: 10,
          imports: [
            ['shared.ts', 'import-statement'],
            ['run.ts', 'dynamic-import'],
          ],
        },
        'shared.ts': { bytes: 20, imports: [['node_modules/cjs/index.js', 'require-call']] },
        'node_modules/cjs/index.js': { bytes: 40, imports: [['node_modules/cjs/lazy.js', 'dynamic-import']] },
        'node_modules/cjs/lazy.js': { bytes: 80, imports: [] },
        'run.ts': {
          bytes: 160,
          imports: [
            ['shared.ts', 'import-statement'],
            ['render.ts', 'import-statement'],
          ],
        },
        'render.ts': { bytes: 320, imports: [] },
      }),
      'handler.ts',
    );
    expect(graph.staticBytes).toBe(70);
    expect(graph.lazyBytes).toBe(560);
    expect(graph.lazyRoots).toEqual(['run.ts']);
    expect([...graph.staticInputs].sort()).toEqual(['handler.ts', 'node_modules/cjs/index.js', 'shared.ts']);
  });

  it('does not count as lazy a file that a static import reaches as well', () => {
    const graph = bundleGraph(
      metafileOf({
        'handler.ts': {
          bytes: 1,
          imports: [
            ['run.ts', 'dynamic-import'],
            ['run.ts', 'import-statement'],
          ],
        },
        'run.ts': { bytes: 2, imports: [] },
      }),
      'handler.ts',
    );
    expect(graph).toMatchObject({ staticBytes: 3, lazyBytes: 0, lazyRoots: [] });
  });
});

describe('esbuildOptionsFor', () => {
  it('refuses a bundling prop it does not translate, rather than build something else than the stack', () => {
    expect(() => esbuildOptionsFor({ ...REPORT_BUNDLING, keepNames: true }, 'index.mjs')).toThrow(
      /keepNames/,
    );
    expect(() =>
      esbuildOptionsFor({ ...REPORT_BUNDLING, esbuildArgs: { '--drop': 'console' } }, 'index.mjs'),
    ).toThrow(/--drop/);
  });

  it('takes --alias as one a=b or a list of them, as NodejsFunction writes each as --alias:a=b', () => {
    const withAliases = (alias: string | string[]) =>
      esbuildOptionsFor({ ...REPORT_BUNDLING, esbuildArgs: { '--alias': alias } }, 'index.mjs').alias;
    expect(withAliases('cheerio=cheerio/slim')).toEqual({ cheerio: 'cheerio/slim' });
    expect(withAliases(['cheerio=cheerio/slim', 'js-beautify=./stub.ts'])).toEqual({
      cheerio: 'cheerio/slim',
      'js-beautify': './stub.ts',
    });
    expect(() => withAliases(['cheerio'])).toThrow(/not a=b/);
  });
});

describe.each(Object.values(REPORT_HANDLER_FILES))('the %s bundle', (file) => {
  const entry = `lambda/handlers/${file}`;
  let graph: ReturnType<typeof bundleGraph>;

  beforeAll(async () => {
    // The deployed options without the minifying and the maps, which change no import.
    const { metafile } = await build({
      ...esbuildOptionsFor(REPORT_BUNDLING, join(projectRoot, '.bench/lambda-graph', 'index.mjs')),
      entryPoints: [join(projectRoot, entry)],
      minify: false,
      sourcemap: false,
      write: false,
    });
    graph = bundleGraph(metafile as Metafile, entry);
  }, 60_000);

  it('loads the AWS clients at cold start, and MJML, ECharts and the analysis only through import()', () => {
    const loadsAtColdStart = (path: string) => [...graph.staticInputs].some((input) => input.includes(path));
    expect(loadsAtColdStart('node_modules/@aws-sdk/client-s3/')).toBe(true);
    // The configuration's schemas (engine and report settings) are needed at cold start; the work is not.
    const work = [
      'node_modules/mjml-core/',
      'node_modules/echarts/',
      'lambda/engine/analyze-csv.ts',
      'lambda/report/render/',
      'lambda/delivery/deliver-report.ts',
    ];
    expect(work.filter(loadsAtColdStart)).toEqual([]);
    expect(graph.lazyRoots.length).toBeGreaterThan(0);
    expect(graph.lazyBytes).toBeGreaterThan(graph.staticBytes);
  });
});
