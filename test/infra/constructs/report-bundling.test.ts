/**
 * The report Lambdas' bundling has one declaration (infra/constructs/report-bundling.ts): the stack hands it to
 * NodejsFunction for the handler files it declares, the esbuild command line NodejsFunction derives from it is
 * the one the benchmark builds with (bench/bench-helpers/lambda-bundle-build.ts), and its cheerio alias renders
 * MJML as the full cheerio does.
 */
import { Stack } from 'aws-cdk-lib';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { esbuildOptionsFor } from '../../../bench/bench-helpers/lambda-bundle-build.ts';
import { projectRoot } from '../../../bench/bench-helpers/paths.ts';
import {
  REPORT_BUNDLE_FILE,
  REPORT_BUNDLING,
  REPORT_HANDLER_FILES,
} from '../../../infra/constructs/report-bundling.ts';
import { synthTemplate } from '../support/synth-stack.ts';

/** What NodejsFunction hands its bundling: the bundling props with the entry and where it runs esbuild. */
type BundlingProps = BundlingOptions & { entry: string; projectRoot: string };
interface BundlingStep {
  type: string;
  command?: string[];
}
/** aws-cdk-lib's bundling class, which the package does not export: reached by its file, as NodejsFunction does. */
interface BundlingClass {
  bundle(scope: unknown, props: BundlingProps): unknown;
  new (
    scope: Stack,
    props: BundlingProps,
  ): {
    createBundlingSteps(scope: Stack, options: Record<string, unknown>): BundlingStep[];
  };
}
const requireCjs = createRequire(import.meta.url);
const cdkLib = dirname(requireCjs.resolve('aws-cdk-lib/package.json'));
const { Bundling } = requireCjs(join(cdkLib, 'aws-lambda-nodejs/lib/bundling.js')) as {
  Bundling: BundlingClass;
};

/** esbuild's command line for API options, as Bundling.buildEsbuildArgs writes it; throws on any other option. */
function commandLineOf(options: BuildOptions): string[] {
  const write: Record<string, (value: never) => string[]> = {
    target: (value: string) => [`--target=${value}`],
    platform: (value: string) => [`--platform=${value}`],
    format: (value: string) => [`--format=${value}`],
    outfile: (value: string) => [`--outfile=${value}`],
    minify: (value: boolean) => (value ? ['--minify'] : []),
    sourcemap: (value: boolean) => (value ? ['--sourcemap'] : []),
    external: (value: string[]) => value.map((name) => `--external:${name}`),
    banner: (value: { js: string }) => [`--banner:js=${value.js}`],
    mainFields: (value: string[]) => [`--main-fields=${value.join(',')}`],
    alias: (value: Record<string, string>) =>
      Object.entries(value).map(([from, to]) => `--alias:${from}=${to}`),
    charset: (value: string) => [`--charset=${value}`],
  };
  // What the benchmark adds that does not change the bundle: where it runs, the metafile it reads, its quiet.
  const {
    absWorkingDir: _where,
    bundle: _bundle,
    metafile: _metafile,
    logLevel: _logLevel,
    ...rest
  } = options;
  return Object.entries(rest).flatMap(([name, value]) => {
    const writer = write[name];
    if (writer === undefined) throw new Error(`no command-line form for esbuild option ${name}`);
    return writer(value as never);
  });
}

describe('the report bundling', () => {
  let handed: BundlingProps[];

  beforeAll(() => {
    const bundle = vi.spyOn(Bundling, 'bundle');
    try {
      synthTemplate();
      handed = bundle.mock.calls.map(([, props]) => props);
    } finally {
      bundle.mockRestore();
    }
  });

  it('is what the stack hands NodejsFunction, for each handler file it declares', () => {
    expect(handed.map(({ entry }) => basename(entry)).sort()).toEqual(
      Object.values(REPORT_HANDLER_FILES).sort(),
    );
    for (const props of handed) {
      expect(props).toMatchObject(REPORT_BUNDLING);
      expect(dirname(props.entry)).toBe(join(projectRoot, 'lambda/handlers'));
    }
  });

  it('gives NodejsFunction the esbuild command line of the options the benchmark builds with', () => {
    for (const props of handed) {
      const steps = new Bundling(new Stack(), props).createBundlingSteps(new Stack(), {
        inputDir: props.projectRoot,
        outputDir: '/asset',
        pathJoin: join,
        esbuildRunner: ['esbuild'],
        createFileOps: () => [],
      });
      const esbuild = steps.filter(({ type }) => type === 'spawn').map(({ command }) => command);
      const options = esbuildOptionsFor(REPORT_BUNDLING, join('/asset', REPORT_BUNDLE_FILE));
      expect(esbuild).toHaveLength(1);
      expect(esbuild[0]?.slice(0, 3)).toEqual(['esbuild', '--bundle', props.entry]);
      expect(esbuild[0]?.slice(3).sort()).toEqual(commandLineOf(options).sort());
      expect(resolve(props.projectRoot)).toBe(resolve(options.absWorkingDir ?? ''));
    }
  });
});

describe('cheerio/slim in place of cheerio', () => {
  let scratch: string;
  type Mjml = (source: string, options: object) => Promise<{ html: string }>;
  const mjmlBundles: Record<'aliased' | 'unaliased', Mjml> = {} as never;
  const bundledInputs: Record<'aliased' | 'unaliased', string[]> = {} as never;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'segment-report-cheerio-'));
    const { alias: _alias, ...unaliased } = esbuildOptionsFor(REPORT_BUNDLING, '');
    for (const [name, options] of [
      ['aliased', esbuildOptionsFor(REPORT_BUNDLING, '')],
      ['unaliased', unaliased],
    ] as const) {
      const outfile = join(scratch, name, REPORT_BUNDLE_FILE);
      const { metafile } = await build({
        ...options,
        outfile,
        sourcemap: false,
        stdin: { contents: "export { default } from 'mjml';", resolveDir: projectRoot, loader: 'js' },
      });
      bundledInputs[name] = Object.keys(metafile?.inputs ?? {});
      mjmlBundles[name] = ((await import(pathToFileURL(outfile).href)) as { default: Mjml }).default;
    }
  }, 120_000);

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('leaves parse5, undici and iconv-lite out of the bundle', () => {
    const heavy = (inputs: string[]) =>
      ['parse5', 'undici', 'iconv-lite'].filter((name) =>
        inputs.some((path) => path.includes(`node_modules/${name}/`)),
      );
    expect(heavy(bundledInputs.unaliased)).toEqual(['parse5', 'undici', 'iconv-lite']);
    expect(heavy(bundledInputs.aliased)).toEqual([]);
  });

  it('renders the HTML attributes and inlined styles (the two uses of cheerio in mjml) byte for byte', async () => {
    const source = `<mjml><mj-head>
      <mj-html-attributes><mj-selector path=".greeting div"><mj-html-attribute name="data-id">42</mj-html-attribute>
      </mj-selector></mj-html-attributes>
      <mj-style inline="inline">.greeting div { text-transform: uppercase; }</mj-style>
    </mj-head><mj-body><mj-section><mj-column>
      <mj-text css-class="greeting">Caf\u00e9 &amp; \u201cmerci\u201d &lt;3</mj-text>
    </mj-column></mj-section></mj-body></mjml>`;
    const options = { validationLevel: 'strict', keepComments: false };
    const aliased = (await mjmlBundles.aliased(source, options)).html;
    expect(aliased).toContain('data-id="42"');
    expect(aliased).toMatch(/style="[^"]*text-transform: ?uppercase/);
    expect(aliased).toBe((await mjmlBundles.unaliased(source, options)).html);
  });
});
