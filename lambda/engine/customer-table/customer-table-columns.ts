import { normaliseHeader } from '../input/column-roles.ts';

/** The columns of a customer table that have a meaning beyond "a numeric feature". */
export interface CustomerTableRoles {
  id: number;
  recency?: number | undefined;
  /** Summed into the frequency (e.g. NumWebPurchases + NumCatalogPurchases + NumStorePurchases). */
  frequency: number[];
  /** Summed into the monetary value (e.g. the six Mnt* columns). */
  monetary: number[];
  response?: number | undefined;
}

const ID_NAMES = [
  'id',
  'customerid',
  'custid',
  'clientid',
  'idclient',
  'codeclient',
  'numclient',
  'customer',
  'client',
];
const RECENCY_NAMES = [
  'recency',
  'recence',
  'recencydays',
  'dayssincelastpurchase',
  'dayssincelastorder',
  'joursdepuisdernierachat',
];
const FREQUENCY_NAMES = [
  'frequency',
  'frequence',
  'orders',
  'nborders',
  'nbcommandes',
  'purchases',
  'totalpurchases',
];
const MONETARY_NAMES = [
  'monetary',
  'totalspent',
  'spend',
  'spending',
  'montant',
  'revenue',
  'amount',
  'totalamount',
  'ca',
];
const RESPONSE_NAMES = ['response', 'reponse', 'responded', 'converted', 'accepted'];

/**
 * Finds a customer table's roles from its header: the id (a known name, else the first column), a recency in
 * days, the purchase counts (`Num...Purchases`, deals excluded as they overlap the channels), the spending
 * columns (`Mnt...`), and a campaign response.
 */
export function findCustomerTableRoles(header: readonly string[]): CustomerTableRoles {
  const names = header.map(normaliseHeader);
  const indexOf = (candidates: readonly string[]) => {
    const index = names.findIndex((name) => candidates.includes(name));
    return index >= 0 ? index : undefined;
  };
  const id = indexOf(ID_NAMES) ?? 0;
  const frequency = names.flatMap((name, index) =>
    (/^num.*purchases$/.test(name) && !name.includes('deal')) || FREQUENCY_NAMES.includes(name)
      ? [index]
      : [],
  );
  const monetary = names.flatMap((name, index) =>
    /^mnt/.test(name) || MONETARY_NAMES.includes(name) ? [index] : [],
  );
  return { id, recency: indexOf(RECENCY_NAMES), frequency, monetary, response: indexOf(RESPONSE_NAMES) };
}

/** True when the roles allow RFM: a recency and at least one purchase count or spending column. */
export function allowsRfm(roles: CustomerTableRoles): boolean {
  return roles.recency !== undefined && (roles.frequency.length > 0 || roles.monetary.length > 0);
}
