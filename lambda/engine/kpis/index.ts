export {
  type BaseKpis,
  computeBaseKpis,
  computeBaseKpisFromColumns,
  computeRetentionFromOrders,
  computeRetentionRate,
  type OrderDayColumns,
} from './base-kpis.ts';
export {
  type CustomerFactColumns,
  type CustomerFacts,
  computeGroupKpis,
  computeGroupKpisByGroup,
  factColumnsOf,
  type GroupKpis,
  type KpiContext,
  ratio,
} from './group-kpis.ts';
