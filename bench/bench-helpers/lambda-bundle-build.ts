// The report Lambdas' bundles as NodejsFunction builds them from infra/constructs/report-bundling.ts, through
// esbuild's JavaScript API rather than its command line, with the metafile that tells what an entry loads at
// cold start and what it imports later.
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

/** The bundling props this translation knows; any other one set would build something else than the stack does. */
const TRANSLATED = new Set([
  'format',
  'target',
  'sourceMap',
  'minify',
  'mainFields',
  'externalModules',
  'banner',
  'esbuildArgs',
  'commandHooks',
]);

/** One `--alias` value, "a=b", as esbuild's alias option { a: b }. */
function aliasOf(value: string): Record<string, string> {
  const [from, to, ...rest] = value.split('=');
  if (from === undefined || to === undefined || rest.length > 0)
    throw new Error(`esbuildArgs --alias: "${value}" is not a=b`);
  return { [from]: to };
}

/** NodejsFunction's `esbuildArgs` as esbuild's API options (`--alias:a=b`, one or a list, is alias { a: b }). */
function passedThrough(esbuildArgs: BundlingOptions['esbuildArgs']): BuildOptions {
  const options: BuildOptions = {};
  for (const [name, value] of Object.entries(esbuildArgs ?? {})) {
    if (name === '--charset' && value === 'utf8') options.charset = 'utf8';
    else if (name === '--alias' && typeof value !== 'boolean') {
      for (const alias of typeof value === 'string' ? [value] : value) {
        options.alias = { ...options.alias, ...aliasOf(alias) };
      }
    } else throw new Error(`esbuildArgs ${name}: not translated for the benchmark (lambda-bundle-build.ts)`);
  }
  return options;
}

/**
 * The esbuild options of NodejsFunction's command line for `bundling` (aws-cdk-lib's Bundling.buildEsbuildArgs:
 * `--platform=node`, `--outfile=<dir>/index.mjs` for ESM, `--sourcemap` for sourceMap), without the entry, plus a
 * metafile, which changes nothing in the bundle. Throws on a bundling prop it does not translate.
 */
export function esbuildOptionsFor(bundling: BundlingOptions, outfile: string): BuildOptions {
  const untranslated = Object.keys(bundling).filter((name) => !TRANSLATED.has(name));
  if (untranslated.length > 0) throw new Error(`bundling props not translated: ${untranslated.join(', ')}`);
  if (bundling.target === undefined || bundling.externalModules === undefined) {
    throw new Error(
      'the benchmark needs the bundling target and externalModules declared (no runtime defaults)',
    );
  }
  return {
    absWorkingDir: projectRoot,
    bundle: true,
    target: bundling.target,
    platform: 'node',
    ...(bundling.format === undefined ? {} : { format: bundling.format }),
    outfile,
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap ?? false,
    external: [...bundling.externalModules],
    ...(bundling.banner === undefined ? {} : { banner: { js: bundling.banner } }),
    ...(bundling.mainFields === undefined ? {} : { mainFields: [...bundling.mainFields] }),
    ...passedThrough(bundling.esbuildArgs),
    metafile: true,
    logLevel: 'error',
  };
}

/** Bundles `entry` as `bundling` says into `outfile`; the metafile of the build. */
export async function buildBundle(
  bundling: BundlingOptions,
  entry: string,
  outfile: string,
): Promise<Metafile> {
  const { metafile } = await build({ ...esbuildOptionsFor(bundling, outfile), entryPoints: [entry] });
  if (metafile === undefined) throw new Error('esbuild returned no metafile');
  return metafile;
}

/** The bundle of `modules` together (each imported for its effects), as one lazily imported part costs. */
export async function buildModules(
  bundling: BundlingOptions,
  modules: readonly string[],
  outfile: string,
): Promise<void> {
  await build({
    ...esbuildOptionsFor(bundling, outfile),
    stdin: {
      contents: modules.map((path) => `import ${JSON.stringify(join(projectRoot, path))};`).join('\n'),
      resolveDir: projectRoot,
      sourcefile: 'lazy-part.ts',
      loader: 'ts',
    },
  });
}

/** What an entry's bundle holds: what its static imports load at cold start, and what it imports later. */
export interface BundleGraph {
  /** Output bytes of the inputs reached from the entry by static imports and require() calls. */
  staticBytes: number;
  /** Output bytes of the rest: reached only through an `import()`. */
  lazyBytes: number;
  /** The project's files (not node_modules) the static part reaches through an `import()`. */
  lazyRoots: string[];
  /** Every input reached by static imports, paths as esbuild writes them (relative to the project). */
  staticInputs: Set<string>;
}

/** Splits the single output of `metafile` into its cold-start part and its lazily imported part. */
export function bundleGraph(metafile: Metafile, entry: string): BundleGraph {
  const staticInputs = new Set([entry]);
  const lazyRoots = new Set<string>();
  const queue = [entry];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    for (const { path: target, kind, external } of metafile.inputs[path]?.imports ?? []) {
      if (external === true || staticInputs.has(target)) continue;
      if (kind === 'dynamic-import') {
        if (!target.includes('node_modules/')) lazyRoots.add(target);
        continue;
      }
      staticInputs.add(target);
      queue.push(target);
    }
  }
  const outputs = Object.values(metafile.outputs).filter((output) => output.entryPoint !== undefined);
  if (outputs.length !== 1) throw new Error(`expected one bundle for ${entry}, got ${outputs.length}`);
  let staticBytes = 0;
  let lazyBytes = 0;
  for (const [input, { bytesInOutput }] of Object.entries(outputs[0]?.inputs ?? {})) {
    if (staticInputs.has(input)) staticBytes += bytesInOutput;
    else lazyBytes += bytesInOutput;
  }
  return {
    staticBytes,
    lazyBytes,
    lazyRoots: [...lazyRoots].filter((root) => !staticInputs.has(root)),
    staticInputs,
  };
}
