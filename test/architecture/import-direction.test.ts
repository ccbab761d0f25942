/** Imports run one way between folders, at every level of the tree (see folder-cycles.ts for the rule). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderCycles, importsBelow } from './folder-cycles.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('folder cycles', () => {
  it('finds none in the repository: each folder imports the folders beside it in one direction', () => {
    const cycles = folderCycles(importsBelow(ROOT)).map(
      ({ folder, children, examples }) => `in ${folder}: ${children.join(' <-> ')} (${examples.join('; ')})`,
    );
    expect(cycles).toEqual([]);
  });

  it('finds a cycle between two sibling folders, and one between a folder and its own files', () => {
    const cycles = folderCycles([
      { from: 'lambda/report/render.ts', to: 'templates/summary.ts' },
      { from: 'templates/summary.ts', to: 'lambda/report/view.ts' },
      { from: 'lambda/engine/analyze.ts', to: 'lambda/engine/rfm/score.ts' },
      { from: 'lambda/engine/rfm/score.ts', to: 'lambda/engine/errors.ts' },
      { from: 'lambda/report/render.ts', to: 'lambda/engine/analyze.ts' },
    ]);
    expect(cycles.map(({ folder, children }) => [folder, children])).toEqual([
      ['.', ['lambda', 'templates']],
      ['lambda/engine', ['.', 'rfm']],
    ]);
  });

  it('accepts imports that run one way, through several levels', () => {
    const cycles = folderCycles([
      { from: 'lambda/handlers/on-upload.ts', to: 'lambda/delivery/run.ts' },
      { from: 'lambda/delivery/run.ts', to: 'lambda/engine/rfm/score.ts' },
      { from: 'lambda/engine/analyze.ts', to: 'lambda/engine/rfm/score.ts' },
      { from: 'test/delivery/run.test.ts', to: 'lambda/delivery/run.ts' },
    ]);
    expect(cycles).toEqual([]);
  });
});
