/** A `;`-separated French ERP export: euro amounts with decimal commas and thousands in spaces. */
export const FRENCH_ERP = [
  'N° facture;Client;Date;Montant',
  'F1;C1;01/02/2024;12,50 €',
  'F2;C2;02/02/2024;1 234,00 €',
  'F3;C1;15/03/2024;8,00 €',
  'F4;C3;16/03/2024;99,90 €',
].join('\n');
