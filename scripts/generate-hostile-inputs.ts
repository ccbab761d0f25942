/**
 * `npx tsx scripts/generate-hostile-inputs.ts DIR` writes every hostile input of issue 10 (the catalogue is
 * test/hostile/inputs/catalogue.ts) into DIR: the two bombs hold 18 GB of expanded text; DIR needs about 190 MB
 * and a minute or two, mostly the bombs' level-9 deflate. Every byte comes from a seeded generator, so the files
 * are the same on every machine and run.
 */
import { writeAllHostileInputs } from '../test/hostile/inputs/catalogue.ts';

const dir = process.argv[2];
if (dir === undefined || process.argv.length > 3) {
  console.error('usage: npx tsx scripts/generate-hostile-inputs.ts DIR');
  process.exitCode = 2;
} else {
  await writeAllHostileInputs(dir, (line) => console.log(line));
}
