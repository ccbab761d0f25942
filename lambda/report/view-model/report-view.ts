/**
 * The report as the templates see it: every value already formatted in the report's language, every choice
 * (which alerts fire, which key points apply, what the budget is) already made. Templates only lay it out, and
 * the plain-text version reads the same object, so both always say the same numbers.
 */
import type { Messages } from '../locale/messages.ts';
import type { ReportLocale } from '../report-settings.ts';

export type Trend = 'up' | 'down' | 'flat';

export interface KpiDelta {
  text: string;
  trend: Trend;
  /** True when this move is good news (a drop in the at-risk share is). */
  favourable: boolean;
}

export interface HeadlineKpi {
  key: string;
  label: string;
  value: string;
  detail: string | null;
  delta: KpiDelta | null;
}

export interface KeyPoint {
  text: string;
  /** The segment or group the sentence is about. */
  segment: string;
}

export interface OverviewRow {
  key: string;
  name: string;
  customers: string;
  shareOfBase: string;
  revenue: string;
  shareOfRevenue: string;
  averageOrderValue: string;
  frequency: string;
  recency: string;
  responseRate: string | null;
  priority: string;
  priorityLevel: 'high' | 'medium' | 'low';
}

export interface OverviewTable {
  title: string;
  /** The column headings: those of the messages, the response rate only when the data has it. */
  columns: Omit<Messages['table'], 'responseRate'> & { responseRate: string | null };
  rows: OverviewRow[];
}

export interface ChartBar {
  label: string;
  /** Widths in percent of the bar area, 0..100, of the customers share and the revenue share. */
  customersWidth: number;
  revenueWidth: number;
  customersText: string;
  revenueText: string;
  /** The numbers in words, for screen readers and image-less clients. */
  alt: string;
}

export interface ShareChart {
  title: string;
  customersLegend: string;
  revenueLegend: string;
  bars: ChartBar[];
}

export interface StrategyCard {
  segment: string;
  customers: string;
  priority: string;
  priorityLevel: 'high' | 'medium' | 'low';
  objective: string;
  actions: string[];
  channel: string;
  frequency: string;
  tone: string;
}

export interface BudgetRow {
  segment: string;
  customers: string;
  perCustomer: string;
  budget: string;
  expectedReturn: string;
  roi: string;
}

export interface BudgetTable {
  columns: {
    segment: string;
    customers: string;
    perCustomer: string;
    budget: string;
    expectedReturn: string;
    roi: string;
  };
  rows: BudgetRow[];
  total: BudgetRow;
  assumptions: string[];
}

export interface WatchRow {
  kpi: string;
  current: string;
  target: string;
  onTarget: boolean;
  status: string;
}

export interface ReportView {
  locale: ReportLocale;
  subject: string;
  preheader: string;
  header: {
    title: string;
    company: string | null;
    kind: string;
    period: string;
    asOf: string | null;
    source: string;
  };
  labels: {
    headline: string;
    keyPoints: string;
    strategies: string;
    budget: string;
    alerts: string;
    watch: string;
    nextSteps: string;
    dataQuality: string;
    strategy: { objective: string; actions: string; channel: string; frequency: string; tone: string };
    watchColumns: { kpi: string; current: string; target: string; status: string };
    comparison: string;
    /** ':' in English; French puts a no-break space before it. */
    colon: string;
  };
  headline: HeadlineKpi[];
  keyPoints: KeyPoint[];
  overviews: OverviewTable[];
  chart: ShareChart | null;
  strategies: StrategyCard[];
  budget: BudgetTable | null;
  alerts: string[];
  watch: WatchRow[];
  nextSteps: string[];
  dataQuality: { facts: { label: string; value: string }[]; notes: string[] };
  customerFile: { title: string; text: string; link: { url: string; text: string } | null } | null;
  migration: { title: string; summary: string; moves: string[] } | null;
  footer: { generated: string; methods: string[] };
}
