import { readFile } from 'node:fs/promises';

/** One customer's RFM values, as both programs write them (scores left out: see README of the reference). */
export interface CustomerValues {
  recencyDays: number;
  frequency: number;
  monetary: number;
}

/** Customer id -> values; ids normalised so `12346.0` (pandas float) and `12346` (ours) meet. */
export type CustomerTable = Map<string, CustomerValues>;

const OUR_COLUMNS = ['customer_id', 'recency_days', 'frequency', 'monetary'] as const;
const REFERENCE_COLUMNS = ['CustomerID', 'recency', 'frequency', 'monetary'] as const;

/** Reads the `--customers` CSV of our CLI. */
export function readOurCustomers(path: string): Promise<CustomerTable> {
  return readCustomerTable(path, OUR_COLUMNS);
}

/** Reads the `--customers-out` CSV of rfm_reference.py. */
export function readReferenceCustomers(path: string): Promise<CustomerTable> {
  return readCustomerTable(path, REFERENCE_COLUMNS);
}

/** Turns `12346.0` and `12346` into the same key; leaves non-numeric ids as they are. */
export function normaliseCustomerId(raw: string): string {
  const trimmed = raw.trim();
  return /^\d+\.0+$/.test(trimmed) ? trimmed.slice(0, trimmed.indexOf('.')) : trimmed;
}

async function readCustomerTable(
  path: string,
  [idColumn, recencyColumn, frequencyColumn, monetaryColumn]: readonly [string, string, string, string],
): Promise<CustomerTable> {
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/).filter((line) => line !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const columnIndex = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${path}: column "${name}" missing from header "${lines[0] ?? ''}"`);
    return index;
  };
  const idAt = columnIndex(idColumn);
  const recencyAt = columnIndex(recencyColumn);
  const frequencyAt = columnIndex(frequencyColumn);
  const monetaryAt = columnIndex(monetaryColumn);

  const table: CustomerTable = new Map();
  lines.slice(1).forEach((line, index) => {
    const fields = splitCsvLine(line);
    const lineNumber = index + 2;
    const numberAt = (at: number, column: string): number => {
      const value = Number(fields[at]);
      if (fields[at] === undefined || fields[at] === '' || !Number.isFinite(value)) {
        throw new Error(`${path}, line ${lineNumber}: column "${column}" is not a number: "${fields[at]}"`);
      }
      return value;
    };
    const customerId = normaliseCustomerId(fields[idAt] ?? '');
    if (table.has(customerId)) throw new Error(`${path}, line ${lineNumber}: customer ${customerId} twice`);
    table.set(customerId, {
      recencyDays: numberAt(recencyAt, recencyColumn),
      frequency: numberAt(frequencyAt, frequencyColumn),
      monetary: numberAt(monetaryAt, monetaryColumn),
    });
  });
  return table;
}

/** Splits one RFC 4180 line (quoted fields with doubled quotes allowed; no embedded line breaks). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quoted) {
      if (char === '"' && line[at + 1] === '"') {
        field += '"';
        at++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}
