/**
 * The two files the charts need at run time, and where they are: resvg's WebAssembly (the same on x86 and on the
 * ARM64 Lambda, so no native binary to match) and the one font every label is drawn with (resvg is told not to
 * look for system fonts: a Lambda has almost none, and a laptop's would make the images differ).
 *
 * A bundle (the Lambda's, the CLI's) carries both files beside its entry: the bundlers copy `CHART_ASSET_FILES`
 * there. Run from the sources, the font is beside this file and the WebAssembly in node_modules.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChartAssets {
  wasm: Uint8Array;
  font: Uint8Array;
}

/** Each file's name beside a bundle, and its source from the project's root. */
export const CHART_ASSET_FILES = {
  wasm: { name: 'resvg.wasm', source: 'node_modules/@resvg/resvg-wasm/index_bg.wasm' },
  font: { name: 'DejaVuSans.ttf', source: 'lambda/report/charts/DejaVuSans.ttf' },
} as const;

/**
 * Reads both files from `directory` (a bundle's folder) when given, else from beside the running module, falling
 * back to the installed package for the WebAssembly when the module runs from the sources. A missing file is
 * named as the bundle expects it: that is where a deployment lacks it.
 */
export async function loadChartAssets(directory?: string): Promise<ChartAssets> {
  const here = directory ?? dirname(fileURLToPath(import.meta.url));
  const [wasm, font] = await Promise.all([
    readFirst(join(here, CHART_ASSET_FILES.wasm.name), directory === undefined ? installedWasm : undefined),
    readFirst(join(here, CHART_ASSET_FILES.font.name)),
  ]);
  return { wasm, font };
}

/** resvg's own file in node_modules, or undefined where there is none (a bundle deployed alone). */
function installedWasm(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  } catch {
    return undefined;
  }
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
