/** Imports run one way between folders, at every level of the tree (see folder-cycles.ts for the rule). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderCycles, type ImportEdge, importsBelow } from './folder-cycles.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The layers, lowest first: a folder imports only the folders before it in its list (docs/ARCHITECTURE.md says
 * what each holds). No cycle is not enough: a new import against this order fails here even before a cycle closes.
 */
const LAYERS: Record<string, readonly string[]> = {
  '.': ['lambda', 'infra', 'local', 'tools', 'bench', 'test', 'scripts'],
  lambda: ['errors', 'vocabulary', 'engine', 'report', 'config', 'delivery', 'adapters', 'handlers', 'cli'],
};

/** The imports between two children of `folder` that run against its layer order. */
function againstLayers(edges: readonly ImportEdge[], folder: string, order: readonly string[]): string[] {
  const prefix = folder === '.' ? '' : `${folder}/`;
  const layerOf = (path: string): number => {
    const rest = path.startsWith(prefix) ? path.slice(prefix.length).split('/') : [];
    return rest.length > 1 ? order.indexOf(rest[0] ?? '') : -1;
  };
  return edges.flatMap(({ from, to }) => {
    const [a, b] = [layerOf(from), layerOf(to)];
    return a >= 0 && b >= 0 && b > a ? [`${from} -> ${to}`] : [];
  });
}

describe('folder cycles', () => {
  it('finds none in the repository: each folder imports the folders beside it in one direction', () => {
    const cycles = folderCycles(importsBelow(ROOT)).map(
      ({ folder, children, examples }) => `in ${folder}: ${children.join(' <-> ')} (${examples.join('; ')})`,
    );
    expect(cycles).toEqual([]);
  });

  it('imports follow the declared layers of the root and of lambda/, and every folder there has its layer', () => {
    const edges = importsBelow(ROOT);
    const against = Object.entries(LAYERS).flatMap(([folder, order]) => againstLayers(edges, folder, order));
    expect(against).toEqual([]);
    const lambdaFolders = new Set(
      edges.flatMap(({ from }) => (from.startsWith('lambda/') ? [from.split('/')[1]] : [])),
    );
    expect([...lambdaFolders].filter((name) => name !== undefined && !LAYERS.lambda?.includes(name))).toEqual(
      [],
    );
  });

  it('sees an import against the layers', () => {
    const engineToDelivery = { from: 'lambda/engine/analyze.ts', to: 'lambda/delivery/upload-run.ts' };
    expect(againstLayers([engineToDelivery], 'lambda', LAYERS.lambda ?? [])).toEqual([
      'lambda/engine/analyze.ts -> lambda/delivery/upload-run.ts',
    ]);
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
