/**
 * The two files the charts need at run time: resvg's WebAssembly (the same on x86 and on the ARM64 Lambda, so no
 * native binary to match) and the one font every label is drawn with (resvg is told not to look for system
 * fonts: a Lambda has almost none, and a laptop's would make the images differ).
 *
 * The report never reads them itself: its caller gives a `ChartAssetSource` (the files beside a bundle, read by
 * lambda/adapters/chart-asset-files.ts), asked only when a report has charts.
 */

export interface ChartAssets {
  wasm: Uint8Array;
  font: Uint8Array;
}

/** Where a report's chart assets come from: asked on the first report with charts, its answer kept. */
export type ChartAssetSource = () => Promise<ChartAssets>;

/**
 * Each file's name beside a bundle (the Lambda's, the CLI's: the bundlers copy them there), and its source from
 * the project's root.
 */
export const CHART_ASSET_FILES = {
  wasm: { name: 'resvg.wasm', source: 'node_modules/@resvg/resvg-wasm/index_bg.wasm' },
  font: { name: 'DejaVuSans.ttf', source: 'lambda/report/charts/DejaVuSans.ttf' },
} as const;
