/**
 * The world (AWS, the environment) is reached only from the outer ring: adapters talk to AWS, handlers read the
 * environment and wire the adapters in. The engine, the report, the delivery logic, the configuration, the command
 * line and the errors are plain code on plain values and ports, so that they run the same in a test, the CLI and
 * Lambda.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LAMBDA = fileURLToPath(new URL('../../lambda/', import.meta.url));
/** The folders of lambda/ allowed to reach the world. */
const OUTER_RING = new Set(['adapters', 'handlers']);
const WORLD = [/from '@aws-sdk\//, /from '@aws-lambda-powertools\//, /from 'aws-lambda'/, /\bprocess\.env\b/];

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesBelow(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The files of lambda/ outside the outer ring that reach the world, with what they reach for. */
function worldReaches(): string[] {
  return filesBelow(LAMBDA).flatMap((file) => {
    const path = relative(LAMBDA, file).split('\\').join('/');
    if (OUTER_RING.has(path.split('/')[0] ?? '')) return [];
    const source = readFileSync(file, 'utf8');
    return WORLD.filter((pattern) => pattern.test(source)).map((pattern) => `${path}: ${pattern.source}`);
  });
}

describe('access to the world', () => {
  it('is only in lambda/adapters and lambda/handlers', () => {
    expect(worldReaches()).toEqual([]);
  });

  it('would be seen in a file of the engine', () => {
    const line = "import { S3Client } from '@aws-sdk/client-s3';";
    expect(WORLD.some((pattern) => pattern.test(line))).toBe(true);
    expect(WORLD.some((pattern) => pattern.test('const bucket = process.env.BUCKET;'))).toBe(true);
  });
});
