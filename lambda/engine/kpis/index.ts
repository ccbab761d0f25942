export { type BaseKpis, computeBaseKpis, computeRetentionRate } from './base-kpis.ts';
export {
  type CustomerFacts,
  computeGroupKpis,
  type GroupKpis,
  type KpiContext,
  ratio,
} from './group-kpis.ts';
