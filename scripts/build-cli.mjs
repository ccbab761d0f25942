#!/usr/bin/env node
// Bundles the command line (lambda/cli/main.ts) into dist/cli.mjs, ESM that runs on plain Node 20 without tsx or
// node_modules. Code splitting puts what `analyze` loads only on demand (the email report: mjml and its HTML
// tooling, 0.25 s and 70 MB to load) in chunks under dist/chunks/. Runs before every benchmark, so it stays a
// single esbuild call.
import { copyFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
// The command, and the thread it renders its report on (lambda/cli/report-worker.ts): dist/cli.mjs and
// dist/report-worker.mjs, what they share in chunks.
const entryPoints = {
  cli: join(projectRoot, 'lambda', 'cli', 'main.ts'),
  'report-worker': join(projectRoot, 'lambda', 'cli', 'report-worker.ts'),
};
const outfile = join(projectRoot, 'dist', 'cli.mjs');

// CommonJS dependencies (papaparse) call require() and read __dirname/__filename; an ESM bundle has none of
// them, so the banner defines them from import.meta.url before any bundled code runs. esbuild renames bundled
// code's own `require` out of the way, but not `__dirname`: a project module declaring its own top-level
// `const __dirname` would clash with the banner. So the banner uses private names, and `define` points only
// the free (global) `__dirname`/`__filename` references, the CommonJS ones, at them.
const commonJsShim = [
  "import { createRequire as __cliCreateRequire } from 'node:module';",
  "import { dirname as __cliDirnameOf } from 'node:path';",
  "import { fileURLToPath as __cliFileURLToPath } from 'node:url';",
  'const require = __cliCreateRequire(import.meta.url);',
  'const __cliFilename = __cliFileURLToPath(import.meta.url);',
  'const __cliDirname = __cliDirnameOf(__cliFilename);',
].join('\n');

const startedAt = performance.now();
try {
  await build({
    absWorkingDir: projectRoot,
    entryPoints,
    outdir: join(projectRoot, 'dist'),
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    // mjml's config loader would pull in the TypeScript compiler; the report never uses it. DuckDB
    // (`--engine duckdb`) is a native module with one binary per platform: it stays in node_modules, loaded on use.
    external: ['typescript', '@duckdb/node-api'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: false,
    sourcemap: 'linked',
    banner: { js: commonJsShim },
    define: { __dirname: '__cliDirname', __filename: '__cliFilename' },
    logLevel: 'warning',
  });
} catch {
  // esbuild has already printed its diagnostics; a failed build must fail `npm run bench`.
  process.exitCode = 1;
}

// The charts' run-time files (CHART_ASSET_FILES in lambda/report/charts/chart-assets.ts; lambda/adapters/chart-asset-files.ts reads them beside
// the module that reads: a chunk), copied as that file names them; test/cli/cli-bundle.test.ts draws a chart with
// the built command line, so a name that drifts fails there.
const CHART_ASSETS = [
  ['node_modules/@resvg/resvg-wasm/index_bg.wasm', 'resvg.wasm'],
  ['lambda/report/charts/DejaVuSans.ttf', 'DejaVuSans.ttf'],
];
if (process.exitCode !== 1) {
  for (const [source, name] of CHART_ASSETS) {
    copyFileSync(join(projectRoot, source), join(projectRoot, 'dist', 'chunks', name));
  }
}

if (process.exitCode !== 1) {
  const sizeKiB = statSync(outfile).size / 1024;
  const elapsedMs = performance.now() - startedAt;
  console.log(
    `built ${relative(projectRoot, outfile)} (${sizeKiB.toFixed(1)} KiB) in ${elapsedMs.toFixed(0)} ms`,
  );
}
