/**
 * The text an ECharts SVG draws, read back from the SVG: each label's content, size, anchor and position, and its
 * width measured from the shipped DejaVuSans.ttf itself with opentype.js (not the generated table the charts
 * use), so that a test checks the layout against the font resvg draws with.
 */
import { readFileSync } from 'node:fs';
import opentype from 'opentype.js';

const bytes = readFileSync(new URL('../../../lambda/report/charts/DejaVuSans.ttf', import.meta.url));
const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

export interface SvgText {
  text: string;
  fontSize: number;
  anchor: string;
  /** Where the text's anchor point is: the group's translation plus the text's own x and y. */
  x: number;
  y: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

export function svgTexts(svg: string): SvgText[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/gu)].map(([, attributes = '', content = '']) => {
    const number = (pattern: RegExp) => Number(pattern.exec(attributes)?.[1] ?? 0);
    const translate = /translate\(([-\d.e]+)[ ,]([-\d.e]+)\)/u.exec(attributes);
    return {
      text: content.replaceAll(/&(\w+|#\d+);/gu, (entity, name: string) => ENTITIES[name] ?? entity),
      fontSize: number(/font-size:([\d.]+)px/u),
      anchor: /text-anchor="(\w+)"/u.exec(attributes)?.[1] ?? 'start',
      x: Number(translate?.[1] ?? 0) + number(/\sx="([-\d.e]+)"/u),
      y: Number(translate?.[2] ?? 0) + number(/\sy="([-\d.e]+)"/u),
    };
  });
}

/** The width resvg gives `text` at `fontSize`: the larger of with and without the font's kerning. */
export function fontWidth(text: string, fontSize: number): number {
  return Math.max(
    font.getAdvanceWidth(text, fontSize, { kerning: true }),
    font.getAdvanceWidth(text, fontSize, { kerning: false }),
  );
}

/** The SVG's own width and height (its viewBox's, in CSS px). */
export function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"/u.exec(svg);
  return { width: Number(match?.[1] ?? 0), height: Number(match?.[2] ?? 0) };
}
