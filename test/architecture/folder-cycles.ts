/**
 * Folder cycles in an import graph. At every folder of the tree, its children (each subfolder taken whole, and the
 * folder's own files taken together as `.`) must import one another in one direction only: no child imports a
 * child that imports it back, directly or through others. So `lambda/` may hold `engine/` and `report/` with
 * report importing engine, but never engine importing report too; and `engine/`'s own files may use its
 * subfolders, or be used by them, never both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One import: the importing file and the imported one, both relative to the root, with `/` separators. */
export interface ImportEdge {
  from: string;
  to: string;
}

/** A cycle among the children of `folder`: the children in it, and one import for each step between them. */
export interface FolderCycle {
  folder: string;
  children: string[];
  examples: string[];
}

const SOURCE = /\.(?:ts|mts|mjs|js)$/;
const NOT_SOURCE = new Set([
  'node_modules',
  'dist',
  'out',
  'cdk.out',
  'test-artifacts',
  '.git',
  '.bench',
  'samples',
]);

/** The relative imports of every source file below `root` (the folders above left out). */
export function importsBelow(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      edges.push({
        from: slashed(relative(root, file)),
        to: slashed(relative(root, resolve(dirname(file), fileName))),
      });
    }
  }
  return edges;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (NOT_SOURCE.has(entry.name)) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

const slashed = (path: string): string => path.split('\\').join('/');

/** Every folder cycle of the imports, at every level of the tree. */
export function folderCycles(edges: readonly ImportEdge[]): FolderCycle[] {
  const folders = new Set<string>(['']);
  for (const { from, to } of edges) {
    for (const path of [from, to]) {
      for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) folders.add(folder);
    }
  }
  return [...folders].sort().flatMap((folder) => cyclesAmongChildren(folder, edges));
}

function childOf(folder: string, path: string): string | undefined {
  const prefix = folder === '' ? '' : `${folder}/`;
  if (!path.startsWith(prefix)) return undefined;
  const parts = path.slice(prefix.length).split('/');
  return parts.length === 1 ? '.' : parts[0];
}

function cyclesAmongChildren(folder: string, edges: readonly ImportEdge[]): FolderCycle[] {
  const graph = new Map<string, Map<string, string>>();
  for (const { from, to } of edges) {
    const [a, b] = [childOf(folder, from), childOf(folder, to)];
    if (a === undefined || b === undefined || a === b) continue;
    const targets = graph.get(a) ?? new Map<string, string>();
    if (!targets.has(b)) targets.set(b, `${from} -> ${to}`);
    graph.set(a, targets);
  }
  return stronglyConnected(graph)
    .filter((component) => component.length > 1)
    .map((component) => ({
      folder: folder === '' ? '.' : folder,
      children: [...component].sort(),
      examples: component.flatMap((a) =>
        component.flatMap((b) => {
          const example = graph.get(a)?.get(b);
          return example === undefined ? [] : [example];
        }),
      ),
    }));
}

/** Tarjan's strongly connected components (the graphs are a few dozen nodes: recursion is fine). */
function stronglyConnected(graph: ReadonlyMap<string, ReadonlyMap<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) visit(next);
      if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = top === node ? undefined : stack.pop()) {
      onStack.delete(top);
      component.push(top);
    }
    components.push(component);
  };
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((targets) => [...targets.keys()])]);
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}
