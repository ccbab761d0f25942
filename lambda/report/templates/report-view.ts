/**
 * The report as the templates see it, the props of the whole email: every value already formatted in the
 * report's language, every choice (which alerts fire, which key points apply, what the budget is) already made.
 * Each section declares the part it renders beside its template; the email's props are all of them, and the
 * plain-text version reads the same object, so both always say the same numbers.
 */
import type { ReportLocale } from '../report-settings.ts';
import type { AlertsProps } from './sections/alerts-section.ts';
import type { BudgetProps } from './sections/budget-section.ts';
import type { ChartProps } from './sections/chart-section.ts';
import type { CustomerFileProps } from './sections/customer-file-section.ts';
import type { DataQualityProps } from './sections/data-quality-section.ts';
import type { FooterProps } from './sections/footer-section.ts';
import type { HeaderProps } from './sections/header-section.ts';
import type { HeadlineProps } from './sections/headline-section.ts';
import type { KeyPointsProps } from './sections/key-points-section.ts';
import type { MigrationProps } from './sections/migration-section.ts';
import type { OverviewProps } from './sections/overview-section.ts';
import type { PeriodActivityProps } from './sections/period-activity-section.ts';
import type { StrategiesProps } from './sections/strategies-section.ts';
import type { TrendsProps } from './sections/trends-section.ts';
import type { ValueOutlookProps } from './sections/value-outlook-section.ts';
import type { WatchProps } from './sections/watch-section.ts';

/** The labels of every section, each declared by the section that shows it. */
export type ReportLabels = HeadlineProps['labels'] &
  KeyPointsProps['labels'] &
  AlertsProps['labels'] &
  StrategiesProps['labels'] &
  BudgetProps['labels'] &
  WatchProps['labels'] &
  DataQualityProps['labels'];

export interface ReportView
  extends
    HeaderProps,
    PeriodActivityProps,
    HeadlineProps,
    TrendsProps,
    KeyPointsProps,
    AlertsProps,
    ChartProps,
    OverviewProps,
    MigrationProps,
    ValueOutlookProps,
    StrategiesProps,
    BudgetProps,
    WatchProps,
    DataQualityProps,
    CustomerFileProps,
    FooterProps {
  locale: ReportLocale;
  subject: string;
  preheader: string;
  labels: ReportLabels;
}
