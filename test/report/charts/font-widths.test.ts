/** The checked-in width table is what its generator writes from the shipped font: it cannot drift from the font. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_WIDTHS_FILE, fontWidthsSource } from '../../../tools/generate-font-widths.ts';

describe('font-widths.ts', () => {
  it('equals what tools/generate-font-widths.ts writes from DejaVuSans.ttf', () => {
    expect(readFileSync(FONT_WIDTHS_FILE, 'utf8')).toBe(fontWidthsSource());
  });
});
