/**
 * The roles of a transaction log's columns and the header names each is recognised by (column-roles.ts finds
 * them in a header).
 */

/** The roles of an order (who, which, when, how much, in which currency), in the order they are looked for. */
const ORDER_ROLES = ['customer', 'order', 'date', 'amount', 'quantity', 'price', 'currency'] as const;

/** What a line bought (purchase diversity): optional, read only with purchase diversity on. */
export const PURCHASE_ROLES = ['product', 'category'] as const;

/**
 * What a transaction-log column can mean to the analysis: the roles of an order, then what a line bought (purchase
 * diversity), optional and looked for after the others (ROUNDS).
 */
export const TRANSACTION_ROLES = [...ORDER_ROLES, ...PURCHASE_ROLES] as const;
type Role = (typeof TRANSACTION_ROLES)[number];

/**
 * Header names each role is recognised by, in English and French, compared after lower-casing and removing
 * accents, spaces and punctuation (`N° Facture` -> `nfacture`). Exact names first, then names containing a word.
 */
export const ROLE_NAMES: Record<Role, { exact: string[]; containing: string[] }> = {
  customer: {
    exact: [
      'customerid',
      'customer',
      'custid',
      'customerno',
      'customernumber',
      'client',
      'clientid',
      'idclient',
      'codeclient',
      'numclient',
      'numeroclient',
      'nclient',
      'refclient',
      'buyerid',
      'userid',
    ],
    containing: ['customer', 'client'],
  },
  order: {
    exact: [
      'invoiceno',
      'invoice',
      'invoiceid',
      'invoicenumber',
      'orderid',
      'order',
      'orderno',
      'ordernumber',
      'transactionid',
      'receipt',
      'receiptno',
      'facture',
      'nfacture',
      'numfacture',
      'numerofacture',
      'idfacture',
      'commande',
      'ncommande',
      'numcommande',
      'numerocommande',
      'idcommande',
      'ticket',
      'piece',
      'numpiece',
    ],
    containing: ['invoice', 'facture', 'commande', 'order'],
  },
  date: {
    exact: [
      'invoicedate',
      'orderdate',
      'date',
      'transactiondate',
      'purchasedate',
      'datetime',
      'timestamp',
      'datefacture',
      'datecommande',
      'dateachat',
      'datevente',
      'datepiece',
    ],
    containing: ['date'],
  },
  amount: {
    exact: [
      'amount',
      'montant',
      'total',
      'totalht',
      'totalttc',
      'montantht',
      'montantttc',
      'revenue',
      'sales',
      'salesamount',
      'dollarvalue',
      'value',
      'totalprice',
      'linetotal',
      'chiffredaffaires',
      'ca',
      'net',
      'netamount',
    ],
    containing: ['amount', 'montant', 'revenue', 'total', 'value'],
  },
  quantity: {
    exact: ['quantity', 'qty', 'qte', 'quantite', 'units', 'numberofcds', 'nbarticles', 'nombre'],
    containing: ['quantity', 'quantite', 'qty'],
  },
  price: {
    exact: ['unitprice', 'price', 'prix', 'prixunitaire', 'pu', 'puht', 'prixht', 'unitcost'],
    containing: ['price', 'prix'],
  },
  currency: { exact: ['currency', 'curr', 'devise', 'monnaie'], containing: ['currency', 'devise'] },
  product: {
    exact: [
      'stockcode',
      'product',
      'productid',
      'productcode',
      'productno',
      'productname',
      'sku',
      'item',
      'itemid',
      'itemcode',
      'itemno',
      'article',
      'codearticle',
      'refarticle',
      'referencearticle',
      'produit',
      'codeproduit',
      'refproduit',
      'referenceproduit',
      'idproduit',
      'libelleproduit',
      'libellearticle',
      'designation',
      'reference',
    ],
    // Not `article` or `item`: `Nombre d'articles` and `Number of items` are quantities.
    containing: ['product', 'produit', 'stockcode', 'sku'],
  },
  category: {
    exact: [
      'category',
      'productcategory',
      'categorie',
      'categorieproduit',
      'famille',
      'familleproduit',
      'famillearticle',
      'rayon',
      'department',
      'productline',
      'gamme',
    ],
    containing: ['category', 'categorie', 'famille', 'rayon', 'department', 'gamme', 'productline'],
  },
};

/**
 * The order roles are looked for, in two rounds: the roles the analysis needs, both passes, then the roles that
 * describe what was bought, both passes, so that a product or category name never takes a column another role
 * would have had. A category comes before the product, since a category's name often holds the product's word
 * (`ProductCategory`, `Item category`, `Famille article`).
 */
export const ROUNDS: readonly (readonly Role[])[] = [ORDER_ROLES, ['category', 'product']];
