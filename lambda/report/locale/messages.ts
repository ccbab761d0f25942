/**
 * Every string of the report, in one typed shape that each language fills completely (the compiler refuses a
 * missing one). Sentences with numbers are functions of already-formatted values.
 */
import type { ReportKind } from '../../vocabulary/report-kind.ts';
import type { Priority, RfmLever } from '../playbook/strategy.ts';
import type { PlausibilityCheck } from '../../engine/plausibility/plausibility-settings.ts';

/** The numbers of one failed plausibility check, formatted for its sentence. */
export interface HeldFindingWords {
  /** What the check is about: a segment's name, a column role, a model parameter, a rejection reason. */
  subject: string;
  now: string;
  before: string;
  threshold: string;
  /** The measured change or share, formatted. */
  measured: string;
}

export interface Messages {
  defaultReportName: string;
  kindLabel: Record<ReportKind, string>;
  subject(parts: {
    title: string;
    period: string;
    revenue: string;
    revenueChange: string | null;
    customers: string;
  }): string;
  /** A customer table's subject: no period, the table described instead ("2,240 customers, customer table"). */
  tableSubject(parts: {
    title: string;
    table: string;
    revenue: string;
    revenueChange: string | null;
  }): string;
  preheader(parts: { customers: string; revenue: string; atRisk: string }): string;
  /** A scheduled report's own period: its subject, section and tiles. */
  period: PeriodMessages;
  header: {
    period(first: string, last: string): string;
    asOf(day: string): string;
    source(file: string, rowsUsed: string): string;
    noPeriod: string;
    /** What a customer table is, in the header and the subject: "2,240 customers, customer table". */
    customerTable(customers: string): string;
  };
  sections: {
    headline: string;
    keyPoints: string;
    rfmOverview: string;
    clusterOverview: string;
    chart: string;
    strategies: string;
    budget: string;
    alerts: string;
    watch: string;
    nextSteps: string;
    dataQuality: string;
  };
  kpis: {
    customers: string;
    activeCustomers: string;
    revenue: string;
    averageOrderValue: string;
    ordersPerCustomer: string;
    repeatRate: string;
    retentionRate: string;
    atRiskShare: string;
    sincePrevious: string;
    noPrevious: string;
  };
  activeDetail(window: string): string;
  keyPoint: {
    opportunity(p: {
      segment: string;
      customers: string;
      budget: string;
      expectedReturn: string;
      roi: string;
    }): string;
    retention(p: { customers: string; share: string; revenueShare: string; segments: string }): string;
    upsell(p: {
      segment: string;
      customers: string;
      aov: string;
      bestSegment: string;
      bestAov: string;
    }): string;
    concentration(p: { share: string; segment: string; segmentShare: string }): string;
    newcomers(p: { segment: string; customers: string; repeatRate: string }): string;
    groupShare(p: { segment: string; share: string; revenueShare: string }): string;
    bestResponse(p: { segment: string; rate: string; overall: string }): string;
  };
  table: {
    segment: string;
    customers: string;
    shareOfBase: string;
    revenue: string;
    shareOfRevenue: string;
    averageOrderValue: string;
    frequency: string;
    recency: string;
    responseRate: string;
    priority: string;
  };
  /**
   * Under a cluster's name in its overview (clusters of purchase-diversity features), means per customer: "111.43
   * products per customer, 3.20 categories, 9.0% of spend on the top product" (categories null without them).
   */
  basket(products: string, categories: string | null, topProductShare: string): string;
  priority: Record<Priority, string>;
  lever: Record<RfmLever, string>;
  chart: {
    customersBar: string;
    revenueBar: string;
    alt(segment: string, customers: string, revenue: string): string;
  };
  strategy: {
    objective: string;
    actions: string;
    channel: string;
    frequency: string;
    tone: string;
  };
  budget: {
    perCustomer: string;
    budget: string;
    expectedReturn: string;
    roi: string;
    total: string;
    /** When the returns are computed on past revenue (the value model's predictions withheld). */
    /** Returns on past revenue; `period` null for a customer table (no dates: its recorded spending). */
    assumptions(p: { period: string | null }): string[];
    /** When they are computed on the value at stake (predictions shown). */
    valueAssumptions(p: { horizonMonths: string }): string[];
    notRecommended(segments: string): string;
    notFunded(p: { segments: string; total: string }): string;
    nonePays: string;
    /** One of a segment's largest actions under its row: the action's name and its budget. */
    topAction(p: { action: string; budget: string }): string;
    /** Under the largest actions, the segment's other actions together, so that its lines add up to its budget. */
    otherActions(p: { count: number; budget: string }): string;
  };
  alert: {
    inactive(p: { share: string; days: string; threshold: string }): string;
    aovDrop(p: { change: string; threshold: string; previous: string; current: string }): string;
    churn(p: { monthly: string; threshold: string; retention: string; days: string }): string;
    atRiskRevenue(p: { share: string; threshold: string; segments: string }): string;
  };
  watch: {
    kpi: string;
    current: string;
    target: string;
    status: string;
    atLeast(value: string): string;
    atMost(value: string): string;
    onTarget: string;
    offTarget: string;
  };
  valueOutlook: {
    title(months: string): string;
    total(p: { value: string; customers: string; months: string }): string;
    valueWithheld(p: { customers: string }): string;
    likelyLost(p: { customers: string; value: string }): string;
    protect(p: { customers: string }): string;
    accuracy(p: { modelError: string; baselineError: string; days: string }): string;
    notCompared: string;
    withheld: Record<
      'too-short' | 'too-few-repeat-customers' | 'fit-failed' | 'no-better-than-baseline',
      string
    >;
    columns: { segment: string; predictedValue: string; likelyLost: string; valueIfRetained: string };
  };
  /** The words of the trend charts' alt texts and legends. */
  charts: ChartWording;
  /** The trends section, the forecast's line, the early warnings and their method line. */
  trends: TrendMessages;
  nextStep(p: { action: string; segment: string; customers: string; budget: string }): string;
  nextStepReview(date: string): string;
  /** No paid plan pays off: the automated actions still to run. */
  nextStepAutomation(p: { action: string; segments: string }): string;
  nextStepNonePays: string;
  quality: {
    rowsRead: string;
    rowsUsed: string;
    rejected(reason: string): string;
    reasons: Record<string, string>;
    ambiguous(p: { customers: string; margin: string }): string;
    undecodable(count: string): string;
    /** The lines were aggregated by an SQL engine (Athena, DuckDB) before the analysis (issue 16). */
    aggregatedBy(engine: string): string;
    /** Lines left out because their amounts name another currency than the file's. */
    otherCurrency(p: { currency: string; lines: string }): string;
    linesIn(p: { lines: string; currency: string }): string;
    /** The engine skips clustering for one reason only: too few customers. */
    clusteringSkipped(customers: string): string;
    /** An archived earlier report that could not be read, so no comparison was made with it. */
    historySkipped(p: { report: string; problem: string }): string;
  };
  customerFile: {
    title: string;
    attached(filename: string): string;
    link(expiry: string): string;
    linkText: string;
  };
  migration: {
    title: string;
    summary(p: { stayed: string; up: string; down: string; newCustomers: string; gone: string }): string;
    move(p: { from: string; to: string; customers: string }): string;
    newCustomers: string;
    gone: string;
  };
  notice: {
    rejectedSubject(file: string): string;
    rejectedIntro(file: string): string;
    rejectedReason: string;
    rejectedKeep(location: string): string;
    noDataSubject(kind: string, period: string): string;
    noDataBody(p: { kind: string; period: string; prefix: string; newest: string | null }): string;
    uncertainSubject(report: string): string;
    uncertainBody(p: { report: string; claim: string }): string;
    missingSubject(file: string): string;
    missingBody(file: string): string;
    notCsvSubject(file: string): string;
    notCsvBody(p: { file: string; prefix: string }): string;
    /** An upload over the warehouse's size, left to the scheduled runs on Athena (issue 16). */
    toAthenaSubject(file: string): string;
    /** `megabytes` and `limit`: millions of bytes, formatted. */
    toAthenaBody(p: { file: string; megabytes: string; limit: string }): string;
    heldSubject(report: string): string;
    heldIntro(p: { report: string; location: string }): string;
    heldFindings: string;
    /** One sentence per failed plausibility check, from the words of its numbers. */
    heldFinding: Record<PlausibilityCheck, (p: HeldFindingWords) => string>;
    /** The column roles of a transaction log, as the column-mapping check names them. */
    columnRoles: Partial<Record<string, string>>;
    /** `rows` of the duplicate check: which content matched. */
    duplicateOf: { bytes: string; rows: string };
    noValue: string;
    heldHowTo(p: {
      release: string;
      discard: string;
      approval: string;
      discardApproval: string;
      expires: string;
    }): string;
    /** A first report held by the configuration (`holdFirstReport`), with nothing to compare it with. */
    heldFirstReport: string;
    heldPreview(file: string): string;
    heldExpiredSubject(report: string): string;
    heldExpiredBody(p: { report: string; location: string; heldAt: string }): string;
    approvalRefusedSubject(object: string): string;
    approvalRefusedBody(p: { object: string; reason: string }): string;
    /** A scheduled run whose aggregation (Athena under Step Functions) failed: nothing was sent. */
    aggregationFailedSubject(report: string): string;
    aggregationFailedBody(p: { report: string; table: string; error: string }): string;
  };
  footer: {
    generated(moment: string, timeZone: string): string;
    rfmMethod: string;
    /** RFM scored on a saved segmentation's score ranges (issue 18); `day` its as-of day. */
    rfmSavedRanges(day: string): string;
    /** The recent-activity rule of the RFM segments (engine/rfm/rfm-segments.ts): their names, the window. */
    /** `segments` all but the last, comma-separated; `last` the last. */
    rfmRecentActivity(p: { segments: string; last: string; days: string }): string;
    priorityMethod: string;
    kmeansMethod(p: { k: string; how: string }): string;
    kChosen(silhouette: string): string;
    kFallback: string;
    kFixed: string;
    /** Clusters scored with a saved segmentation (issue 18) rather than fitted: its as-of day and K. */
    savedSegmentation(p: { day: string; k: string }): string;
    /** Which currency the amounts are in, and where it came from (view-model/report-currency.ts). */
    currency: {
      detected(p: { currency: string; source: string }): string;
      column: string;
      signs: string;
      configured(currency: string): string;
      unknown: string;
      overruled(configured: string): string;
    };
  };
}

/** The words of a weekly report's week, a quarterly review's quarter ("the period" below). */
export interface PeriodMessages {
  /** The subject: the period's own figures, its revenue compared with the period before. */
  subject(parts: {
    kind: ScheduledKind;
    title: string;
    period: string;
    orders: string;
    revenue: string;
    revenueChange: string | null;
    customers: string;
  }): string;
  /** The inbox line after the subject: the base as a whole, never its revenue beside the period's. */
  preheader(parts: { customers: string; atRisk: string; since: string }): string;
  /** Only when the file has no order in the period: "no orders in the file for the week". */
  subjectNoOrders(parts: { title: string; period: string; lastOrder: string }): string;
  /** The section's title: "This week, Dec 5, 2011 to Dec 11, 2011". */
  title(kind: ScheduledKind, period: string): string;
  /** What the arrows compare with, and the grey lines. */
  comparison(kind: ScheduledKind, previous: string | null, yearAgo: string | null): string;
  orders: string;
  revenue: string;
  /** Customers who bought, when the file begins within the period and cannot tell new from returning ones. */
  customers: string;
  /** Their first order in the file is in the period; the returning ones had ordered before. */
  newCustomers: string;
  returningCustomers: string;
  /** A tile's grey line: the same period a year earlier, its figure and the change. */
  yearAgo(kind: ScheduledKind, value: string, change: string | null): string;
  /** The file's orders end before the period begins, or before it ends. */
  noOrders(kind: ScheduledKind, lastOrder: string): string;
  endsEarly(kind: ScheduledKind, lastOrder: string): string;
  /** The headline's title when a period leads the report: the whole file, with its own dates. */
  wholeFile(period: string): string;
}

type ScheduledKind = Exclude<ReportKind, 'upload'>;

/** Whether the trends count months or weeks: the words agree nouns ("3 months", "la prochaine semaine") with it. */
export type PeriodUnit = 'month' | 'week';

/**
 * The sentences the charts' alt texts and legends are made of. Functions rather than strings: the languages put
 * the numbers in different places and agree nouns with counts differently.
 */
export interface ChartWording {
  /** "Dec 2010 to Dec 2011". */
  span(first: string, last: string): string;
  /** "from 570K to 1.16M". */
  change(first: string, last: string): string;
  /** "forecast for the next 3 months 0.9M to 1.2M". */
  forecast(count: number, unit: PeriodUnit, low: string, high: string): string;
  /** "13 cohorts, Dec 2010 to Dec 2011". */
  cohorts(count: number, span: string): string;
  /** "after 1 month: lowest 10% (Mar 2011), highest 38% (Dec 2010)". */
  retention(
    after: number,
    unit: PeriodUnit,
    low: string,
    lowCohort: string,
    high: string,
    highCohort: string,
  ): string;
  /** What joins a chart's title to its numbers: ": " in English, " : " in French. */
  colon: string;
  /** The legend of the forecast chart and the stacked total. */
  actual: string;
  forecastLegend: string;
  interval: string;
  total: string;
  /** The heat map's horizontal axis: "Months since first purchase". */
  periodsSince(unit: PeriodUnit): string;
}

/** The series a warning or a forecast is about: the base's, or one RFM segment's (its name as the report says it). */
export type TrendSubject =
  | { series: 'revenue' | 'activeCustomers'; segment: null }
  | { series: 'revenue' | 'buyers'; segment: string };

export interface TrendMessages {
  title: string;
  /** The three charts' titles. */
  revenueChart(unit: PeriodUnit): string;
  buyersChart: string;
  cohortChart(unit: PeriodUnit): string;
  /** One line instead of the charts: the file holds too few periods to draw a trend. */
  tooShort(p: { periods: number; unit: PeriodUnit }): string;
  /** The forecast's models in words (engine/trends/forecast/forecast-types.ts ModelDescription). */
  model: {
    naive: string;
    seasonalNaive(p: { season: number; unit: PeriodUnit }): string;
    simple: string;
    holt: string;
    damped: string;
    holtWinters(p: { season: number; unit: PeriodUnit }): string;
    var(p: { order: number; series: number }): string;
  };
  /** A model beat the baseline in the backtest: its error beside the baseline's, per period over the horizon. */
  forecastChosen(p: {
    model: string;
    error: string;
    baseline: string;
    baselineError: string;
    origins: number;
    unit: PeriodUnit;
    level: string;
  }): string;
  /** No model beat the baseline: the baseline is shown, with its own error. */
  forecastBaseline(p: {
    model: string;
    error: string;
    origins: number;
    unit: PeriodUnit;
    level: string;
  }): string;
  /** Why there is no forecast. */
  noForecast: {
    tooShort(p: { periods: number; needed: number; unit: PeriodUnit }): string;
    tooFewOrigins(p: { origins: number; needed: number }): string;
    notFinite(p: { period: string }): string;
  };
  /** The plain text's table: a forecast period's value and interval, the columns of the segments and cohorts. */
  textForecast(p: { value: string; lower: string; upper: string }): string;
  textBuyers(p: { last: string; before: string }): string;
  textCohorts(unit: PeriodUnit): string;
  /** Who a warning is about: the sentence's subject. */
  subject(subject: TrendSubject): string;
  warning: {
    outsideInterval(p: {
      subject: string;
      direction: 'below' | 'above';
      period: string;
      actual: string;
      lower: string;
      upper: string;
      level: string;
    }): string;
    falling(p: { subject: string; periods: number; unit: PeriodUnit; from: string; to: string }): string;
    volatile(p: {
      subject: string;
      recent: string;
      before: string;
      window: number;
      unit: PeriodUnit;
      ratio: string;
      threshold: string;
    }): string;
    cohortRetention(p: {
      cohort: string;
      share: string;
      earlierMean: string;
      earlierCohorts: number;
      unit: PeriodUnit;
      points: string;
    }): string;
  };
  /** The strongest warning as a key point. */
  warningPoint(sentence: string): string;
  /** The footer's method line: periods, forecast and the warnings' thresholds. */
  method(p: {
    horizon: number;
    level: string;
    fallingPeriods: number;
    volatilityRatio: string;
    volatilityWindow: number;
    cohortDropPoints: string;
    cohortMinCustomers: string;
  }): string;
}
