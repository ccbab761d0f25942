import type { Messages, PeriodUnit } from './messages.ts';

/** "month" or "months": the unit agreeing with the count. */
function noun(count: number, unit: PeriodUnit): string {
  return `${unit === 'week' ? 'week' : 'month'}${count === 1 ? '' : 's'}`;
}

export const MESSAGES_EN: Messages = {
  defaultReportName: 'Customer segmentation report',
  kindLabel: { upload: 'New data', weekly: 'Weekly report', quarterly: 'Quarterly review' },
  subject: ({ title, period, revenue, revenueChange, customers }) =>
    `${title}, ${period}: revenue ${revenue}${revenueChange ? ` (${revenueChange})` : ''}, ${customers} customers`,
  tableSubject: ({ title, table, revenue, revenueChange }) =>
    `${title}, ${table}: revenue ${revenue}${revenueChange ? ` (${revenueChange})` : ''}`,
  preheader: ({ customers, revenue, atRisk }) =>
    `${customers} customers, ${revenue} revenue, ${atRisk} of customers slipping away.`,
  period: {
    subject: ({ kind, title, period, orders, revenue, revenueChange, customers }) =>
      `${title}, ${period}: ${orders} orders, revenue ${revenue}${revenueChange ? ` (${revenueChange} on the previous ${kind === 'weekly' ? 'week' : 'quarter'})` : ''}, ${customers} customers`,
    preheader: ({ customers, atRisk, since }) =>
      `The customer base since ${since}: ${customers} customers, ${atRisk} of them slipping away.`,
    subjectNoOrders: ({ title, period, lastOrder }) =>
      `${title}, ${period}: no orders in the file (its last order is on ${lastOrder})`,
    title: (kind, period) => `${kind === 'weekly' ? 'This week' : 'This quarter'}, ${period}`,
    comparison: (kind, previous, yearAgo) => {
      const unit = kind === 'weekly' ? 'week' : 'quarter';
      const arrows = previous
        ? `Arrows: change on the previous ${unit} (${previous}).`
        : `No comparison with the previous ${unit}: the file begins after it started.`;
      return yearAgo ? `${arrows} Below: the same ${unit} a year earlier (${yearAgo}).` : arrows;
    },
    orders: 'Orders',
    revenue: 'Revenue',
    customers: 'Customers who bought',
    newCustomers: 'New customers',
    returningCustomers: 'Returning customers',
    yearAgo: (kind, value, change) =>
      `${kind === 'weekly' ? 'Same week' : 'Same quarter'} last year: ${value}${change ? ` (${change})` : ''}`,
    noOrders: (kind, lastOrder) =>
      `The file has no order in this ${kind === 'weekly' ? 'week' : 'quarter'}: its last order is on ${lastOrder}.`,
    endsEarly: (kind, lastOrder) =>
      `The file's last order is on ${lastOrder}, before the ${kind === 'weekly' ? 'week' : 'quarter'} ends: its last days are not counted yet.`,
    wholeFile: (period) => `The customer base, whole file (${period})`,
  },
  header: {
    period: (first, last) => `${first} to ${last}`,
    asOf: (day) => `As of ${day}`,
    source: (file, rowsUsed) => `Source: ${file} (${rowsUsed} rows used)`,
    noPeriod: 'Customer table (no transaction dates)',
    customerTable: (customers) => `${customers} customers, customer table`,
  },
  sections: {
    headline: 'Headline figures',
    keyPoints: 'Key points',
    rfmOverview: 'Segments (RFM)',
    clusterOverview: 'Customer groups (K-means)',
    chart: 'Share of customers and of revenue by segment',
    strategies: 'What to do with each segment',
    budget: 'Budget and expected return',
    alerts: 'Alerts',
    watch: 'KPIs to watch',
    nextSteps: 'Next steps',
    dataQuality: 'Data quality',
  },
  kpis: {
    customers: 'Customers',
    activeCustomers: 'Active customers',
    revenue: 'Revenue',
    averageOrderValue: 'Average order value',
    ordersPerCustomer: 'Orders per customer',
    repeatRate: 'Repeat rate',
    retentionRate: 'Retention',
    atRiskShare: 'Customers slipping away',
    sincePrevious: 'since the previous report',
    noPrevious: 'first report: no comparison yet',
  },
  activeDetail: (window) => `bought in the last ${window} days`,
  keyPoint: {
    opportunity: ({ segment, customers, budget, expectedReturn, roi }) =>
      `Biggest opportunity: ${segment} (${customers} customers). A budget of ${budget} is expected to return ${expectedReturn}, an ROI of ${roi}.`,
    retention: ({ customers, share, revenueShare, segments }) =>
      `Retention alert: ${customers} customers (${share} of the base) are slipping away (${segments}), holding ${revenueShare} of revenue.`,
    upsell: ({ segment, customers, aov, bestSegment, bestAov }) =>
      `Up-sell potential: the ${customers} ${segment} customers spend ${aov} per order, against ${bestAov} for ${bestSegment}.`,
    concentration: ({ share, segment, segmentShare }) =>
      `The top 20% of customers bring ${share} of revenue; ${segment} alone bring ${segmentShare}.`,
    newcomers: ({ segment, customers, repeatRate }) =>
      `${customers} customers are ${segment}: recent buyers with few orders yet. A second order is the step to loyalty (repeat rate across all customers: ${repeatRate}).`,
    groupShare: ({ segment, share, revenueShare }) =>
      `${segment} holds ${share} of customers and ${revenueShare} of revenue.`,
    bestResponse: ({ segment, rate, overall }) =>
      `${segment} answered the last campaign best: ${rate}, against ${overall} overall.`,
  },
  table: {
    segment: 'Segment',
    customers: 'Customers',
    shareOfBase: 'Share of base',
    revenue: 'Revenue',
    shareOfRevenue: 'Share of revenue',
    averageOrderValue: 'Avg order',
    frequency: 'Orders per customer',
    recency: 'Days since purchase',
    responseRate: 'Response',
    priority: 'Priority',
  },
  basket: (products, categories, topProductShare) =>
    `${products} products per customer${categories === null ? '' : `, ${categories} categories`}, ${topProductShare} of spend on the top product`,
  priority: { high: 'High', medium: 'Medium', low: 'Low' },
  lever: {
    recency: 'recency (bring back)',
    frequency: 'frequency (buy more often)',
    monetary: 'value (spend more)',
  },
  chart: {
    customersBar: 'customers',
    revenueBar: 'revenue',
    alt: (segment, customers, revenue) => `${segment}: ${customers} of customers, ${revenue} of revenue`,
  },
  strategy: {
    objective: 'Improve',
    actions: 'Actions',
    channel: 'Channel',
    frequency: 'Frequency',
    tone: 'Tone',
  },
  budget: {
    perCustomer: 'Per customer',
    budget: 'Budget',
    expectedReturn: 'Expected return',
    roi: 'ROI',
    total: 'Total',
    assumptions: ({ period }) => [
      'Budget = the sum of the actions: customers reached (reach x customers, rounded) x unit cost, in whole units; the largest actions under each segment.',
      period
        ? `Expected return = expected uplift x the segment's revenue over the period covered (${period}).`
        : "Expected return = expected uplift x the segment's spending as the customer table records it.",
      'ROI = (expected return - budget) / budget.',
      'Unit costs, reaches and uplift come from the playbook (configurable): they are assumptions, not measurements.',
      period
        ? 'Customer-value predictions are withheld for this data, so returns are computed on past revenue.'
        : 'Customer-value predictions need dated orders (a transaction log), so returns are computed on recorded spending.',
    ],
    valueAssumptions: ({ horizonMonths }) => [
      'Budget = the sum of the actions: customers reached (reach x customers, rounded) x unit cost, in whole units; the largest actions under each segment.',
      `Expected return = expected uplift x the value at stake over the next ${horizonMonths} months, from the customer-value model: the segment's predicted value for growth plans; for win-back plans, what its customers likely to be lost would bring if won back.`,
      'ROI = (expected return - budget) / budget. A plan that does not return more than it costs is not recommended.',
      'Unit costs, reaches and uplift come from the playbook (configurable): they are assumptions, not measurements.',
    ],
    notRecommended: (segments) =>
      `Not recommended this period, automation only (the paid plan would cost more than it returns): ${segments}.`,
    notFunded: ({ segments, total }) =>
      `Pays off but left out of the total budget of ${total} (better returns funded first): ${segments}.`,
    nonePays: 'No paid plan returns more than it costs this period: automation only for every segment.',
    topAction: ({ action, budget }) => `${action}: ${budget}`,
    otherActions: ({ count, budget }) =>
      `${count === 1 ? 'One other action' : `${count} other actions`}: ${budget}`,
  },
  alert: {
    inactive: ({ share, days, threshold }) =>
      `${share} of customers have not bought in ${days} days (threshold ${threshold}).`,
    aovDrop: ({ change, threshold, previous, current }) =>
      `Average order value changed ${change} since the previous report, from ${previous} to ${current} (threshold: a drop of ${threshold}).`,
    churn: ({ monthly, threshold, retention, days }) =>
      `Monthly churn is ${monthly} (threshold ${threshold}): ${retention} of the customers of the previous ${days} days bought again in the last ${days}.`,
    atRiskRevenue: ({ share, threshold, segments }) =>
      `Customers slipping away (${segments}) hold ${share} of revenue (threshold ${threshold}).`,
  },
  watch: {
    kpi: 'KPI',
    current: 'Now',
    target: 'Target',
    status: 'Status',
    atLeast: (value) => `at least ${value}`,
    atMost: (value) => `at most ${value}`,
    onTarget: 'On target',
    offTarget: 'Off target',
  },
  valueOutlook: {
    title: (months) => `Value outlook, next ${months} months`,
    total: ({ value, customers, months }) =>
      `The ${customers} customers are expected to bring ${value} over the next ${months} months.`,
    valueWithheld: ({ customers }) =>
      `Order values could not be modelled for this data: purchases are forecast for the ${customers} customers, not their value.`,
    likelyLost: ({ customers, value }) =>
      `${customers} customers are likely lost (more likely gone than still buying); won back, they would bring ${value}.`,
    protect: ({ customers }) =>
      `${customers} high-value customers to protect (the priority column of the customers file names them).`,
    accuracy: ({ modelError, baselineError, days }) =>
      `Model check on the last ${days} days, held out: it missed each customer's purchases by ${modelError} on average, against ${baselineError} for assuming each keeps their past rate.`,
    notCompared: 'Model check: the history is too short to hold out a check period.',
    withheld: {
      'too-short':
        'No value outlook: the history is too short to check the model against what customers did.',
      'too-few-repeat-customers':
        'No value outlook: too few customers bought more than once to model their purchases.',
      'fit-failed': 'No value outlook: the purchase model could not be fitted to this data.',
      'no-better-than-baseline':
        'No value outlook: on the check period the model did no better than assuming each customer keeps their past rate.',
    },
    columns: {
      segment: 'Segment',
      predictedValue: 'Predicted value',
      likelyLost: 'Likely lost',
      valueIfRetained: 'Value if won back',
    },
  },
  charts: {
    span: (first, last) => `${first} to ${last}`,
    change: (first, last) => `from ${first} to ${last}`,
    forecast: (count, unit, low, high) =>
      `forecast for the next ${count} ${noun(count, unit)} ${low} to ${high}`,
    cohorts: (count, span) => `${count} ${count === 1 ? 'cohort' : 'cohorts'}, ${span}`,
    retention: (after, unit, low, lowCohort, high, highCohort) =>
      `after ${after} ${noun(after, unit)}: lowest ${low} (${lowCohort}), highest ${high} (${highCohort})`,
    colon: ': ',
    actual: 'Actual',
    forecastLegend: 'Forecast',
    interval: 'Interval',
    total: 'total',
    periodsSince: (unit) => `${unit === 'week' ? 'Weeks' : 'Months'} since first purchase`,
  },
  trends: {
    title: 'Trends',
    revenueChart: (unit) => `Revenue by ${unit}`,
    buyersChart: 'Customers who bought, by segment',
    cohortChart: (unit) => `Customers buying again, by first-purchase ${unit}`,
    tooShort: ({ periods, unit }) =>
      `No trends yet: the file covers ${periods} ${noun(periods, unit)}, at least 2 are needed to draw one.`,
    model: {
      naive: 'naive (each period repeats the last one)',
      seasonalNaive: ({ season, unit }) =>
        `seasonal naive (each ${unit} repeats the same ${unit} ${season} ${noun(season, unit)} before)`,
      simple: 'exponential smoothing of the level',
      holt: 'exponential smoothing with a linear trend (Holt)',
      damped: 'exponential smoothing with a damped trend',
      holtWinters: ({ season, unit }) =>
        `exponential smoothing with a trend and a ${season}-${unit} season (Holt-Winters)`,
      var: ({ order, series }) =>
        `a vector autoregression across ${series} series (${order} ${order === 1 ? 'lag' : 'lags'})`,
    },
    forecastChosen: ({ model, error, baseline, baselineError, origins, unit, level }) =>
      `Forecast: ${model}, chosen by a backtest from the last ${origins} ${noun(origins, unit)}: it missed revenue by ${error} a ${unit} on average, against ${baselineError} for the baseline, ${baseline}. The band is the ${level} interval.`,
    forecastBaseline: ({ model, error, origins, unit, level }) =>
      `Forecast: the baseline, ${model}, is shown: no model beat it in a backtest from the last ${origins} ${noun(origins, unit)} (it missed revenue by ${error} a ${unit} on average). The band is the ${level} interval.`,
    noForecast: {
      tooShort: ({ periods, needed, unit }) =>
        `No forecast: ${periods} complete ${noun(periods, unit)} of history, at least ${needed} are needed.`,
      tooFewOrigins: ({ origins, needed }) =>
        `No forecast: the history allows ${origins} backtest ${origins === 1 ? 'origin' : 'origins'}, at least ${needed} are needed to choose a model.`,
      notFinite: ({ period }) => `No forecast: ${period} has no usable revenue.`,
    },
    textForecast: ({ value, lower, upper }) => `forecast ${value} (${lower} to ${upper})`,
    textBuyers: ({ last, before }) => `Customers who bought in ${last} (in ${before})`,
    textCohorts: (unit) => `Share of each cohort buying again the ${unit} after its first`,
    subject: (subject) => {
      if (subject.segment === null)
        return subject.series === 'revenue' ? 'Revenue' : 'The number of customers who bought';
      return subject.series === 'revenue'
        ? `Revenue of the ${subject.segment} segment`
        : `The number of ${subject.segment} customers who bought`;
    },
    warning: {
      outsideInterval: ({ subject, direction, period, actual, lower, upper, level }) =>
        `${subject} in ${period} was ${actual}, ${direction === 'below' ? 'below' : 'above'} the ${lower} to ${upper} forecast from the periods before (${level} interval).`,
      falling: ({ subject, periods, unit, from, to }) =>
        `${subject} fell ${periods} ${noun(periods, unit)} in a row, from ${from} to ${to}.`,
      volatile: ({ subject, recent, before, window, unit, ratio, threshold }) =>
        `${subject} turned volatile: its changes from one ${unit} to the next varied by ${recent} over the last ${window} ${noun(window, unit)}, against ${before} in the ${window} before (${ratio} times as much; threshold ${threshold}).`,
      cohortRetention: ({ cohort, share, earlierMean, earlierCohorts, unit, points }) =>
        `Customers who first bought in ${cohort} came back less: ${share} bought again the next ${unit}, against ${earlierMean} on average for the ${earlierCohorts} ${earlierCohorts === 1 ? 'cohort' : 'cohorts'} before (threshold: ${points} points lower).`,
    },
    warningPoint: (sentence) => `Early warning: ${sentence}`,
    method: (p) =>
      `Trends: by calendar month (by week for a file under four months), segments recomputed at each period's end; forecast of the next ${p.horizon} periods with their ${p.level} interval, the model chosen by a rolling-origin backtest against the seasonal naive baseline. Warnings: a fall ${p.fallingPeriods} periods in a row, the last period outside its interval, volatility over ${p.volatilityRatio} times that of the ${p.volatilityWindow} periods before, a new cohort buying again more than ${p.cohortDropPoints} points below the earlier ones (cohorts of ${p.cohortMinCustomers} customers or more).`,
  },
  nextStep: ({ action, segment, customers, budget }) =>
    `${segment} (${customers} customers, budget ${budget}): ${action}.`,
  nextStepReview: (date) => `Review the results in the next report, due around ${date}.`,
  nextStepAutomation: ({ action, segments }) => `${segments} (automation only, no paid budget): ${action}.`,
  nextStepNonePays: 'No paid action pays off this period: keep to the automated ones below.',
  quality: {
    rowsRead: 'Rows read',
    rowsUsed: 'Rows used',
    rejected: (reason) => `Rejected: ${reason}`,
    reasons: {
      wrongFieldCount: 'wrong number of fields',
      missingCustomer: 'no customer id',
      duplicateCustomer: 'duplicate customer id',
      cancelled: 'cancellations',
      unreadableDate: 'unreadable date',
      unreadableNumber: 'unreadable number',
      otherCurrency: 'amount in another currency',
      nonPositiveQuantity: 'zero or negative quantity',
      nonPositivePrice: 'zero or negative price',
      nonPositiveAmount: 'zero or negative amount',
      implausibleAmount: 'amount beyond a plausible size',
      futureDate: 'date in the future',
      afterAsOf: 'after the as-of date',
    },
    ambiguous: ({ customers, margin }) =>
      `${customers} customers sit between two groups (margin under ${margin}) and are set aside as ambiguous.`,
    otherCurrency: ({ currency, lines }) =>
      `The amounts are in ${currency}; lines in another currency were left out, not added up: ${lines}.`,
    linesIn: ({ lines, currency }) => `${lines} in ${currency}`,
    undecodable: (count) => `${count} characters could not be decoded and were replaced.`,
    aggregatedBy: (engine) =>
      `The lines were aggregated into orders by ${engine} (SQL) with the same cleaning rules before this analysis.`,
    historySkipped: ({ report, problem }) =>
      `The archived report ${report} could not be read (${problem}), so it was left out of the comparison.`,
    clusteringSkipped: (customers) =>
      `K-means clustering was skipped: ${customers} customers are too few to form groups; RFM segments and KPIs are still computed.`,
  },
  customerFile: {
    title: 'Per-customer segments',
    attached: (filename) => `One row per customer, with segment and cluster, is attached: ${filename}.`,
    link: (expiry) =>
      `One row per customer, with segment and cluster: the file is too large to attach; the link is valid until ${expiry}.`,
    linkText: 'Download the customer file',
  },
  migration: {
    title: 'How customers moved since the last review',
    summary: ({ stayed, up, down, newCustomers, gone }) =>
      `${stayed} customers stayed in their segment, ${up} moved up, ${down} moved down; ${newCustomers} are new and ${gone} did not appear this time.`,
    move: ({ from, to, customers }) => `${from} → ${to}: ${customers} customers`,
    newCustomers: 'New customers',
    gone: 'Not seen this time',
  },
  notice: {
    rejectedSubject: (file) => `File rejected: ${file}`,
    rejectedIntro: (file) =>
      `The file ${file} could not be analysed, so no report was sent to the executives.`,
    rejectedReason: 'Reason',
    rejectedKeep: (location) =>
      `The file itself was left where it is; an error report was written to ${location}. Fix the file and drop it again under the same folder.`,
    noDataSubject: (kind, period) => `No new data for the ${kind.toLowerCase()} (${period})`,
    noDataBody: ({ kind, period, prefix, newest }) =>
      `No file was received under ${prefix} during ${period}, so the ${kind.toLowerCase()} was not sent to the executives rather than repeat old numbers.${newest ? ` The newest file is ${newest}.` : ''}`,
    uncertainSubject: (report) => `Check delivery: ${report}`,
    uncertainBody: ({ report, claim }) =>
      `The email of ${report} may or may not have reached the executives: the mail service did not confirm it. It was not sent again, to avoid a duplicate. Ask a recipient whether it arrived; to send it again, delete ${claim} and drop the file again (or run the schedule again).`,
    missingSubject: (file) => `File gone before it was read: ${file}`,
    missingBody: (file) =>
      `The file ${file} was deleted or replaced before it could be read, so no report was sent for it. Drop it again if it should be reported.`,
    notCsvSubject: (file) => `Not a CSV file: ${file}`,
    toAthenaSubject: (file) => `Left to the weekly report: ${file}`,
    toAthenaBody: ({ file, megabytes, limit }) =>
      `The file ${file} (${megabytes} MB) is over the ${limit} MB past which the configuration sends files to Athena, so it gets no report of its own: the weekly and quarterly reports aggregate it with Athena.`,
    notCsvBody: ({ file, prefix }) =>
      `The file ${file} is not a CSV file (.csv or .csv.gz, in any letter case), so it was not analysed and no report was sent. Export it as CSV and drop it under ${prefix}.`,
    heldSubject: (report) => `Held for your review: ${report}`,
    heldIntro: ({ report, location }) =>
      `The report "${report}" looks implausible against the previous report of the same kind and source, so it was not sent to the executives. It is kept exactly as it would be sent: ${location}.`,
    heldFindings: 'What looks wrong',
    heldFinding: {
      rows: (w) =>
        `Lines used: ${w.now} against ${w.before} last time (${w.measured}), beyond the ±${w.threshold} allowed.`,
      customers: (w) =>
        `Customers: ${w.now} against ${w.before} last time (${w.measured}), beyond the ±${w.threshold} allowed.`,
      orders: (w) =>
        `Orders: ${w.now} against ${w.before} last time (${w.measured}), beyond the ±${w.threshold} allowed.`,
      revenue: (w) =>
        `Revenue: ${w.now} against ${w.before} last time (${w.measured}), beyond the ±${w.threshold} allowed.`,
      'period-not-advancing': (w) =>
        `The data ends on ${w.now}, not after the previous report's last day, ${w.before}.`,
      'period-too-short': (w) =>
        `The data covers only ${w.now} of the ${w.before} days expected (${w.measured}), under the ${w.threshold} required.`,
      'rejected-lines': (w) =>
        `Lines rejected: ${w.now} against ${w.before} last time (${w.measured}), beyond the ${w.threshold} allowed.`,
      'new-rejection-reason': (w) =>
        `Lines were rejected for a reason not seen last time: ${w.subject}, ${w.now} lines (${w.measured} of the lines read), beyond the ${w.threshold} allowed.`,
      'column-mapping': (w) =>
        `The ${w.subject} role is read from the column ${w.now}, last time from ${w.before}.`,
      'value-parameters': (w) =>
        `Customer-value model parameter ${w.subject}: ${w.now} against ${w.before} last time (${w.measured}), beyond the ±${w.threshold} allowed.`,
      'segment-shares': (w) =>
        `${w.subject}: ${w.now} of customers against ${w.before} last time (${w.measured}), beyond the ±${w.threshold} allowed.`,
      'duplicate-content': (w) => `The file has the same ${w.subject} as an earlier file of this source.`,
    },
    columnRoles: {
      customer: 'customer',
      date: 'date',
      order: 'order number',
      amount: 'amount',
      quantity: 'quantity',
      price: 'unit price',
      currency: 'currency',
    },
    duplicateOf: { bytes: 'bytes', rows: 'orders (in another order or layout)' },
    noValue: 'none',
    heldHowTo: ({ release, discard, approval, discardApproval, expires }) =>
      `If the numbers are right, release the report and it is sent to the executives once: run ${release}, or write an object at ${approval}. If not, discard it: run ${discard}, or write an object at ${discardApproval} (its text, if any, is kept as the reason). Nothing is sent on its own: unless someone decides by ${expires}, the report expires and you get a reminder.`,
    heldFirstReport:
      'It is the first report of this source, so there is nothing to compare it with, and the configuration holds first reports for review.',
    heldPreview: (file) =>
      `The email exactly as the executives would get it is attached (${file}): open it in a browser.`,
    heldExpiredSubject: (report) => `Expired without a decision, not sent: ${report}`,
    heldExpiredBody: ({ report, location, heldAt }) =>
      `The report "${report}", held for review on ${heldAt}, was neither released nor discarded in time, so it has expired and was not sent to the executives. It stays in the archive: ${location}. To report on this data, drop the file again (corrected if need be).`,
    approvalRefusedSubject: (object) => `Approval not acted on: ${object}`,
    approvalRefusedBody: ({ object, reason }) =>
      `The approval object ${object} was not acted on: ${reason}. Nothing was sent. Name approval objects <run>.release or <run>.discard, the run as the held report's notice gives it.`,
    aggregationFailedSubject: (report) => `Not sent: ${report} could not be aggregated`,
    aggregationFailedBody: ({ report, table, error }) =>
      `The aggregation of ${table} for ${report} failed, so nothing was sent to the executives: ${error}. The state machine's execution history has the details; once the cause is fixed, start the state machine again with the same input, and the report is sent once.`,
  },
  footer: {
    generated: (moment, timeZone) => `Generated ${moment} (${timeZone}).`,
    rfmMethod:
      'RFM: recency, frequency and monetary scored 1 to 5 by quintiles (ties kept together); segments from the recency score and the mean of the other two.',
    rfmSavedRanges: (day) =>
      `RFM: recency, frequency and monetary scored 1 to 5 on the score ranges of the segmentation fitted as of ${day} (its customers' quintiles), not on this file's; segments from the recency score and the mean of the other two.`,
    rfmRecentActivity: ({ segments, last, days }) =>
      `${segments} and ${last} also require a purchase in the last ${days} days; customers with those scores who have not bought since are in the next segment down that does not imply recent buying.`,
    priorityMethod:
      'Priorities: high for the best third of the plans that pay off by expected net return, medium for the other plans that pay off, low for segments whose paid plan would cost more than it returns; the same rule for segments and clusters.',
    kmeansMethod: ({ k, how }) =>
      `K-means on standardised features (log of skewed amounts and counts), k-means++ with 10 restarts, K = ${k} ${how}.`,
    kChosen: (silhouette) => `chosen by silhouette (${silhouette}) among 2 to 8`,
    kFixed: 'set in the configuration',
    savedSegmentation: ({ day, k }) =>
      `Clusters: the segmentation fitted as of ${day} (K = ${k}), not refitted; each customer is scored to the nearest of its clusters.`,
    kFallback: 'the smallest tried: no K from 2 to 8 gave every cluster enough customers',
    currency: {
      detected: ({ currency, source }) => `Amounts in ${currency}, detected from the file (${source}).`,
      column: 'its currency column',
      signs: 'the currency signs or codes of its amounts',
      configured: (currency) => `Amounts in ${currency}, the configured currency: the file names none.`,
      unknown:
        "Amounts in the file's currency: the file names none and none is configured, so no currency sign is shown.",
      overruled: (configured) => `The configured currency (${configured}) was not used.`,
    },
  },
};
