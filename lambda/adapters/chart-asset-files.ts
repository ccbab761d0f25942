/**
 * The chart assets (resvg's WebAssembly and the font, see lambda/report/charts/chart-assets.ts) read from disk:
 * beside the bundle that runs (the Lambda's asset, the CLI's dist/), or, run from the sources, from the project
 * (the font in lambda/report/charts/, the WebAssembly in node_modules).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHART_ASSET_FILES, type ChartAssets, type ChartAssetSource } from '../report/charts/chart-assets.ts';

/**
 * Reads both files from `directory` (a bundle's folder) when given, else from beside the running module, falling
 * back to the project's copies when the module runs from the sources. A missing file is named as the bundle
 * expects it: that is where a deployment lacks it.
 */
export async function loadChartAssets(directory?: string): Promise<ChartAssets> {
  const here = directory ?? dirname(fileURLToPath(import.meta.url));
  const fromSources = directory === undefined;
  const [wasm, font] = await Promise.all([
    readFirst(join(here, CHART_ASSET_FILES.wasm.name), fromSources ? installedWasm : undefined),
    readFirst(join(here, CHART_ASSET_FILES.font.name), fromSources ? projectFont : undefined),
  ]);
  return { wasm, font };
}

/** A source that reads the files on first use and keeps them (a failed read is tried again next time). */
export function chartAssetFiles(directory?: string): ChartAssetSource {
  let loading: Promise<ChartAssets> | undefined;
  return () => {
    loading ??= loadChartAssets(directory).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/** resvg's own file in node_modules, or undefined where there is none (a bundle deployed alone). */
function installedWasm(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  } catch {
    return undefined;
  }
}

/** The font in the project, two folders up from this file (lambda/adapters/). */
function projectFont(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', CHART_ASSET_FILES.font.source);
}

async function readFirst(path: string, fallback?: () => string | undefined): Promise<Uint8Array> {
  const bytes = (await readFile(path).catch(() => undefined)) ?? (await readFallback(fallback));
  if (bytes) return new Uint8Array(bytes);
  throw new Error(
    `chart asset missing: ${path} (the bundling copies it beside the code, see CHART_ASSET_FILES)`,
  );
}

async function readFallback(fallback?: () => string | undefined): Promise<Buffer | undefined> {
  const path = fallback?.();
  return path === undefined ? undefined : readFile(path).catch(() => undefined);
}
