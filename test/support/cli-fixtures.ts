// Fixture files for the command-line tests: written into a temp folder, and the hand-made inputs they use.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { windows1252 } from './byte-streams.ts';

/** Writes a fixture file (text as UTF-8, or exact bytes) and returns its path. */
export async function writeFixture(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The names in a directory, sorted: to show that no output or temporary file was left behind. */
export async function namesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/**
 * Customer ids a spreadsheet would run as formulas, and ids that need CSV quoting; seven customers, so too few
 * to cluster (fewer than 10). One order each on 2024-01-01..07 (amounts 10..70): the as-of day is 2024-01-08.
 */
export const FORMULA_IDS_CSV = [
  'Invoice,Customer,Date,Amount',
  '1,"=HYPERLINK(""http://evil.example"",""click"")",2024-01-01,10',
  '2,+1,2024-01-02,20',
  '3,-2,2024-01-03,30',
  '4,@SUM(A1:A9),2024-01-04,40',
  '5,"Smith, John",2024-01-05,50',
  '6,"Say ""hi""",2024-01-06,60',
  '7,Plain,2024-01-07,70',
  '',
].join('\n');

/**
 * A transaction log of 45 customers in three clear groups of 15 (recent big spenders, steady mid, lapsed
 * small), enough for K-means with any K from 2 to 8. Amounts vary within a group so that no two customers tie.
 */
export function threeGroupsCsv(): string {
  const lines = ['Invoice,Customer,Date,Amount'];
  let invoice = 1;
  const day = (offset: number) =>
    new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  for (let index = 0; index < 15; index += 1) {
    for (let order = 0; order < 8; order += 1) {
      lines.push(`${invoice++},BIG${index},${day(300 + index + order * 5)},${500 + index * 7 + order}`);
    }
    for (let order = 0; order < 3; order += 1) {
      lines.push(`${invoice++},MID${index},${day(150 + index + order * 20)},${80 + index * 3 + order}`);
    }
    lines.push(`${invoice++},LOW${index},${day(index * 2)},${10 + index}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A customer table of 12 customers: id, income, recency in days, wine spending, web purchases. */
export function customerTableCsv(): string {
  const lines = ['ID,Income,Recency,MntWines,NumWebPurchases'];
  for (let id = 1; id <= 12; id += 1) {
    lines.push(`${id},${20_000 + id * 5_000},${(id * 7) % 90},${id * id * 10},${id % 5}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A French ERP export: `;`, decimal comma with space-grouped thousands, a euro sign, Windows-1252 bytes
 * (`é`, `ô`, `°`), CRLF, dd/mm/yyyy where 15/01 and 20/02 prove day-first. Three customers, four invoices:
 * revenue 1 234,50 + 99,90 + 10,00 + 500,00 = 1 844,40; the last invoice is on 05/03/2024.
 */
export function frenchErpBytes(): Uint8Array {
  const lines = [
    'Client;N° facture;Date;Montant',
    'Société Générale;F001;15/01/2024;1 234,50',
    'Crédit Agricole;F002;03/02/2024;99,90',
    'Société Générale;F003;20/02/2024;10,00',
    'Hôtel Dupont;F004;05/03/2024;€ 500,00',
  ];
  return windows1252(`${lines.join('\r\n')}\r\n`);
}
