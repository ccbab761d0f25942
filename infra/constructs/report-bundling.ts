/**
 * How the report Lambdas are bundled: the one declaration that report-function.ts hands NodejsFunction and that
 * bench/steps/lambda-bundle.ts builds with, so that the benchmark measures the bundle that is deployed (issue 17:
 * at most 3 MB minified without the chart assets, a cold import of at most 250 ms).
 */
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/** The handler files the stack deploys, one function each, under lambda/handlers/. */
export const REPORT_HANDLER_FILES = { upload: 'on-upload.ts', schedule: 'on-schedule.ts' } as const;

/** NodejsFunction writes the bundle under this name for an ESM format. */
export const REPORT_BUNDLE_FILE = 'index.mjs';

/** The functions run with the source maps the bundle ships (stack traces name our files, not index.mjs:1). */
export const REPORT_NODE_OPTIONS = '--enable-source-maps';

/** The esbuild options of the report bundles (the chart assets are copied in by report-function.ts). */
export const REPORT_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node20',
  sourceMap: true,
  minify: true,
  // ESM builds where a package has one: esbuild tree-shakes them, not CommonJS.
  mainFields: ['module', 'main'],
  // mjml's config loader would pull the TypeScript compiler into the bundle (8.0 MB with it, 4.2 MB without).
  externalModules: ['typescript'],
  // CommonJS dependencies (mjml, nodemailer) call require(); an ESM bundle needs it defined.
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  esbuildArgs: {
    // mjml-core and juice load cheerio with XML options only, which cheerio parses with htmlparser2 either way:
    // the slim entry is that path without parse5, undici (fromURL) and iconv-lite (loadBuffer), 1.8 MB of bundle.
    // A test renders the report through both and compares (test/infra/constructs/report-bundling.test.ts).
    '--alias': 'cheerio=cheerio/slim',
    // Non-ASCII text (entity tables, messages) as UTF-8, not \u escapes: 0.36 MB less. NodejsFunction's own
    // `charset` prop is not passed on to esbuild (aws-cdk-lib 2.276), hence the argument.
    '--charset': 'utf8',
  },
} satisfies BundlingOptions;
