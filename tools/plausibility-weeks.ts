// How often the plausibility checks' defaults would hold a real weekly report: Online Retail's 53 weeks, each week's
// file against the previous week's (a feed of one week per upload), then as whole exports (each week's file holding
// every order so far). Prints the checks that fail each week and the counts. Run: `npx tsx tools/plausibility-weeks.ts`.
import { analyzeCsv } from '../lambda/engine/analyze-csv.ts';
import {
  type PlausibilityFinding,
  checkPlausibility,
} from '../lambda/engine/plausibility/plausibility-checks.ts';
import {
  type PlausibilityFacts,
  plausibilityFacts,
} from '../lambda/engine/plausibility/plausibility-facts.ts';
import { ALL_CHECKS_ON } from '../lambda/engine/plausibility/plausibility-settings.ts';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ONLINE_RETAIL } from './real-data.ts';

const [RETAIL_HEADER = '', ...RETAIL_LINES] = gunzipSync(readFileSync(ONLINE_RETAIL))
  .toString('utf8')
  .trimEnd()
  .split('\n');

/** The raw lines of each week, by its Monday (the date is the fifth field from the end: descriptions hold commas). */
function retailLinesByWeek(): Map<string, string[]> {
  const weeks = new Map<string, string[]>();
  for (const line of RETAIL_LINES) {
    const day = (line.split(',').at(-4) ?? '').slice(0, 10);
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    const monday = date.toISOString().slice(0, 10);
    const week = weeks.get(monday) ?? [];
    week.push(line);
    weeks.set(monday, week);
  }
  return weeks;
}

async function* bytesOf(lines: readonly string[]): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(`${RETAIL_HEADER}\n${lines.join('\n')}\n`);
}

async function factsOf(monday: string, lines: readonly string[]): Promise<PlausibilityFacts> {
  const { analysis } = await analyzeCsv(bytesOf(lines), {
    sourceName: monday,
    now: new Date('2012-01-01T00:00:00Z'),
    fingerprint: true,
  });
  return plausibilityFacts(analysis);
}

/** Each week checked against the one before; `whole`: each file holds every order up to its week. */
async function heldWeeks(
  whole: boolean,
): Promise<{ weeks: number; held: number; byCheck: Map<string, number> }> {
  let previous: PlausibilityFacts | undefined;
  let sofar: string[] = [];
  const earlier: NonNullable<PlausibilityFacts['fingerprint']>[] = [];
  const byCheck = new Map<string, number>();
  let weeks = 0;
  let held = 0;
  for (const [monday, lines] of retailLinesByWeek()) {
    sofar = sofar.concat(lines);
    const facts = await factsOf(monday, whole ? sofar : lines);
    const findings: PlausibilityFinding[] = checkPlausibility(
      facts,
      previous,
      ALL_CHECKS_ON,
      whole ? undefined : { days: 7 },
      earlier.slice(-12),
    );
    weeks += 1;
    if (findings.length > 0) held += 1;
    for (const { check } of findings) byCheck.set(check, (byCheck.get(check) ?? 0) + 1);
    if (findings.length > 0)
      console.log(`${whole ? 'whole' : 'week'} ${monday}: ${findings.map((f) => f.check).join(', ')}`);
    previous = facts;
    if (facts.fingerprint) earlier.push(facts.fingerprint);
  }
  return { weeks, held, byCheck };
}

for (const whole of [false, true]) {
  const { weeks, held, byCheck } = await heldWeeks(whole);
  console.log(
    `${whole ? 'whole exports' : 'one week per file'}: ${held} of ${weeks} weeks held`,
    Object.fromEntries(byCheck),
  );
}
