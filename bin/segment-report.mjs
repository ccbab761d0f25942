#!/usr/bin/env node
// The `segment-report` command: the bundled CLI when built (`npm run build`), else the TypeScript source via tsx.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../lambda/cli/main.ts', import.meta.url).href);
}
