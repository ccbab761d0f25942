/** The KPIs in one import: the whole customer base's (base-kpis.ts) and any group's (group-kpis.ts). */
export * from './base-kpis.ts';
export * from './group-kpis.ts';
