/**
 * The limits the functions are deployed with, declared once: the stack sets them and the handlers plan with
 * them (a claim in progress expires when its run can no longer be alive).
 */

/** Lambda kills an invocation after this long; the handlers use Lambda's own remaining time when it is given. */
export const FUNCTION_TIMEOUT_SECONDS = 300;
