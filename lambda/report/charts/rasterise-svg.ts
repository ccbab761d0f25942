/**
 * SVG to PNG with resvg's WebAssembly build, given the font's bytes: no system font lookup, so the image is the
 * same on a laptop and on the Lambda.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { THEME } from '../templates/markup/theme.ts';
import { CHART_FONT_FAMILY } from './chart-style.ts';

/** resvg's WebAssembly can be instantiated once per process; later renderers share it. */
let started: Promise<void> | undefined;

export function startResvg(wasm: Uint8Array): Promise<void> {
  started ??= initWasm(wasm);
  return started;
}

export interface RasterisedSvg {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Draws `svg` at `pixelWidth` (its own width times the pixel ratio) on the card's colour. */
export function rasteriseSvg(svg: string, pixelWidth: number, font: Uint8Array): RasterisedSvg {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: pixelWidth },
    background: THEME.card,
    font: {
      fontBuffers: [font],
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  });
  try {
    const image = resvg.render();
    try {
      return { png: image.asPng(), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
