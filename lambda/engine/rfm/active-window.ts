/**
 * What "active" means, once for the whole report: the segments that imply recent activity (rfm-segments.ts) and
 * the active-customer KPIs (kpis/group-kpis.ts) both ask here.
 */

/**
 * Whether a customer whose last purchase was `recencyDays` before the as-of day (1 = the day before) is active
 * in a window of `activeWindowDays`: a purchase exactly the window's length ago still counts.
 */
export function isActive(recencyDays: number, activeWindowDays: number): boolean {
  return recencyDays <= activeWindowDays;
}
