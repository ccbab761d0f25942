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

/**
 * The AWS SDK's default credential chain imports these with import() only when the environment holds no keys: on
 * Lambda it always does (the function role's keys, read by fromEnv, the chain's first link), so they are left out
 * (0.1 MB with the STS, SSO and sign-in clients they bring). The container and instance metadata providers,
 * small, stay. A test runs the bundled chain without them (test/infra/constructs/report-bundling.test.ts).
 */
export const CREDENTIAL_PROVIDERS_NOT_ON_LAMBDA = [
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
] as const;

/**
 * Packages MJML requires at its top that our render (lambda/report/render/render-html.ts) never calls, each
 * replaced by left-out-package.ts, which throws if called (0.32 MB): js-beautify (beautify, off when minifying),
 * web-resource-inliner (juice's inlining of linked files; MJML calls juice's inliner of the styles it holds),
 * cssnano-preset-lite (CSS minifying, `minifyCss: false`) and cosmiconfig with its YAML and TypeScript loaders
 * (htmlnano's configuration search, `skipConfigLoading: true`). A test renders the report through the bundle.
 */
export const PACKAGES_LEFT_OUT = [
  'js-beautify',
  'web-resource-inliner',
  'cssnano-preset-lite',
  'cosmiconfig',
] as const;

/** The module each of PACKAGES_LEFT_OUT is aliased to, relative to the project (esbuild's working directory). */
export const LEFT_OUT_PACKAGE_MODULE = './infra/constructs/left-out-package.ts';

/** The esbuild options of the report bundles (the chart assets are copied in by report-function.ts). */
export const REPORT_BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node20',
  sourceMap: true,
  minify: true,
  // ESM builds where a package has one: esbuild tree-shakes them, not CommonJS.
  mainFields: ['module', 'main'],
  // cosmiconfig's TypeScript loader would pull the compiler in (8.0 MB with it): cosmiconfig is left out below, and
  // this keeps anything else from bringing the compiler back.
  externalModules: ['typescript', ...CREDENTIAL_PROVIDERS_NOT_ON_LAMBDA],
  // CommonJS dependencies (mjml, nodemailer) call require(); an ESM bundle needs it defined.
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  esbuildArgs: {
    // mjml-core and juice load cheerio with XML options only, which cheerio parses with htmlparser2 either way:
    // the slim entry is that path without parse5, undici (fromURL) and iconv-lite (loadBuffer), 1.8 MB of bundle.
    // A test renders the report through both and compares (test/infra/constructs/report-bundling.test.ts).
    // One htmlparser2, the project's own (10.x, cheerio's), for mjml-parser-xml's 9.x and posthtml-parser's 7.x
    // (htmlnano's) copies, whose two older entities tables go with them: 0.2 MB. The same test compares the
    // report's HTML rendered through the bundle with the HTML rendered from node_modules, byte for byte.
    '--alias': [
      'cheerio=cheerio/slim',
      'htmlparser2=htmlparser2',
      ...PACKAGES_LEFT_OUT.map((name) => `${name}=${LEFT_OUT_PACKAGE_MODULE}`),
    ],
    // Non-ASCII text (entity tables, messages) as UTF-8, not \u escapes: 0.36 MB less. NodejsFunction's own
    // `charset` prop is not passed on to esbuild (aws-cdk-lib 2.276), hence the argument.
    '--charset': 'utf8',
  },
} satisfies BundlingOptions;
