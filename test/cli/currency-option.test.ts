// `--currency` (issue 13): the currency of the amounts when the file names none; a currency the file names wins,
// and the footer says the configured one was not used. No currency at all: plain numbers.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandIo, runAnalyzeCommand } from '../../lambda/cli/analyze-command.ts';
import { writeFixture } from '../support/cli-fixtures.ts';
import { makeTempDir } from '../support/run-cli.ts';

const io: CommandIo = {
  stdout: () => undefined,
  stderr: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
  now: new Date('2025-01-01T00:00:00Z'),
};

const BARE = ['Invoice,Customer,Date,Amount', 'I1,C1,2024-02-01,1200.50', 'I2,C2,2024-03-01,300'].join('\n');
const POUNDS = ['Invoice,Customer,Date,Amount', 'I1,C1,2024-02-01,£1200.50', 'I2,C2,2024-03-01,£300'].join(
  '\n',
);

let dir = '';

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The plain-text email of `content` analysed with `flags`. */
async function emailText(name: string, content: string, flags: string[]): Promise<string> {
  const input = await writeFixture(dir, `${name}.csv`, content);
  const text = join(dir, `${name}.txt`);
  await runAnalyzeCommand([input, '--text', text, ...flags], io);
  return readFile(text, 'utf8');
}

describe('analyze --currency', () => {
  it('shows plain numbers without it when the file names no currency', async () => {
    const text = await emailText('bare', BARE, []);
    expect(text).toContain('Revenue: 1,501\n');
    expect(text).toContain('Average order value: 750.25\n');
    expect(text).not.toMatch(/[$€£]/);
    expect(text).toContain("Amounts in the file's currency");
  });

  it('is used when the file names no currency', async () => {
    const text = await emailText('bare-eur', BARE, ['--currency', 'EUR']);
    expect(text).toContain('Revenue: €1,501\n');
    expect(text).toContain('Amounts in EUR, the configured currency: the file names none.');
  });

  it('loses to the currency the file names, and the footer says so', async () => {
    const text = await emailText('pounds-eur', POUNDS, ['--currency', 'EUR', '--locale', 'fr']);
    expect(text).toContain('Chiffre d’affaires\u00a0: 1\u202f501\u00a0£GB\n');
    expect(text).not.toContain('€');
    expect(text).toContain('La devise configurée (EUR) n’a pas été utilisée.');
  });
});
