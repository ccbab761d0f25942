/** What an email must stay within, as the tests check it. */

/** Gmail clips a message whose HTML is over 102 KB; 102,000 bytes to be safe. */
export const GMAIL_CLIPPING_BYTES = 102_000;
