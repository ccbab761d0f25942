/**
 * The segment chart's legend, drawn for real (ECharts' SVG) and measured with the shipped font: no two items
 * overlap, none leaves the image, and the plotting area starts below the last row, for the French and English
 * segment names and for any names a user sets, however long.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RFM_SEGMENT_NAMES } from '../../../lambda/engine/rfm/rfm-segments.ts';
import { CHART_FONT_SIZE } from '../../../lambda/report/charts/chart-style.ts';
import type { SegmentAreasInput } from '../../../lambda/report/charts/chart-types.ts';
import { chartSvg } from '../../../lambda/report/charts/render-charts.ts';
import {
  segmentAreasCssHeight,
  segmentAreasOption,
} from '../../../lambda/report/charts/segment-areas-option.ts';
import { ACTIVE_BY_SEGMENT, MONTHS } from '../../../tools/chart-samples.ts';
import { fontWidth, svgSize, svgTexts } from './svg-text.ts';

/** The legend symbol's width and its gap to the text: the item starts this far left of its text. */
const SYMBOL_AND_GAP = 19;

function input(names: readonly string[]): SegmentAreasInput {
  return {
    ...ACTIVE_BY_SEGMENT,
    segments: names.map((name, index) => ({ name, values: MONTHS.map((_, month) => 10 * (index + month)) })),
  };
}

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Each legend item's box (symbol and text), and the top of the highest value label on the axis. */
function legendBoxes(names: readonly string[]) {
  const chart = input(names);
  const svg = chartSvg(segmentAreasOption(chart), segmentAreasCssHeight(chart));
  const texts = svgTexts(svg);
  const boxes: Box[] = texts
    .filter((text) => text.anchor === 'start' && text.fontSize === CHART_FONT_SIZE)
    .map((text) => ({
      text: text.text,
      left: text.x - SYMBOL_AND_GAP,
      right: text.x + fontWidth(text.text, text.fontSize),
      top: text.y - text.fontSize / 2,
      bottom: text.y + text.fontSize / 2,
    }));
  const axisTop = Math.min(
    ...texts.filter((text) => text.anchor === 'end').map((text) => text.y - text.fontSize / 2),
  );
  return { boxes, axisTop, ...svgSize(svg) };
}

function expectApartAndInside(names: readonly string[]): void {
  const { boxes, axisTop, width, height } = legendBoxes(names);
  expect(boxes).toHaveLength(names.length);
  boxes.forEach((box, index) => {
    const name = names[index] ?? '';
    expect(box.text === name || (box.text.endsWith('…') && name.startsWith(box.text.slice(0, -1)))).toBe(
      true,
    );
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(width);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(Math.min(height, axisTop));
    for (const other of boxes.slice(index + 1)) {
      const apart =
        box.right <= other.left ||
        other.right <= box.left ||
        box.bottom <= other.top ||
        other.bottom <= box.top;
      expect(apart, `"${box.text}" and "${other.text}" overlap`).toBe(true);
    }
  });
}

describe('the segment chart’s legend', () => {
  it('keeps the French and English segment names apart, inside the image and above the plot', () => {
    expectApartAndInside(Object.values(RFM_SEGMENT_NAMES).map((names) => names.fr));
    expectApartAndInside(Object.values(RFM_SEGMENT_NAMES).map((names) => names.en));
  });

  it('cuts a name too long for half a row with an ellipsis, and still keeps the items apart', () => {
    const names = [
      'Clients fidèles depuis plus de trois ans en Île-de-France et en Bretagne',
      'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW',
      'Grands comptes',
      'À réactiver d’urgence avant la fin du trimestre',
      'Nouveaux',
    ];
    expectApartAndInside(names);
    const drawn = legendBoxes(names).boxes.map((box) => box.text);
    expect(drawn[1]?.endsWith('…')).toBe(true);
    expect(drawn[2]).toBe('Grands comptes');
  });

  it('keeps any names a user sets apart and inside the image', () => {
    const name = fc.string({
      unit: fc.constantFrom(...'WMmiàÉé’ -Il0%&'.split('')),
      minLength: 1,
      maxLength: 50,
    });
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 12 }), (names) => {
        expectApartAndInside(names);
      }),
      { numRuns: 40 },
    );
  });
});
