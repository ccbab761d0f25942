/**
 * Every section of the email escapes every string of the view it shows. For each section, each string of its part
 * of the view model (group names from CSV headers and data, the source name, column headings, notes, strategy
 * texts from the settings, labels, ...) is replaced in turn by hostile text; the section's MJML must then be that
 * of a harmless marker in the same place, with the hostile text in its escaped form: no raw `<script>`, no quote
 * that ends an attribute, no `</mj-text>` that closes MJML's element early, and a `{{x}}` that stays literal.
 */
import { describe, expect, it } from 'vitest';
import { executiveSummaryMjml } from '../../../../lambda/report/templates/executive-summary.ts';
import type { ReportView } from '../../../../lambda/report/templates/report-view.ts';
import { alertsSection } from '../../../../lambda/report/templates/sections/alerts-section.ts';
import { budgetSection } from '../../../../lambda/report/templates/sections/budget-section.ts';
import { chartSection } from '../../../../lambda/report/templates/sections/chart-section.ts';
import { customerFileSection } from '../../../../lambda/report/templates/sections/customer-file-section.ts';
import { dataQualitySection } from '../../../../lambda/report/templates/sections/data-quality-section.ts';
import { footerSection } from '../../../../lambda/report/templates/sections/footer-section.ts';
import { headerSection } from '../../../../lambda/report/templates/sections/header-section.ts';
import { headlineSection } from '../../../../lambda/report/templates/sections/headline-section.ts';
import { keyPointsSection } from '../../../../lambda/report/templates/sections/key-points-section.ts';
import { migrationSection } from '../../../../lambda/report/templates/sections/migration-section.ts';
import { valueOutlookSection } from '../../../../lambda/report/templates/sections/value-outlook-section.ts';
import { periodActivitySection } from '../../../../lambda/report/templates/sections/period-activity-section.ts';
import { overviewSections } from '../../../../lambda/report/templates/sections/overview-section.ts';
import { strategiesSection } from '../../../../lambda/report/templates/sections/strategies-section.ts';
import { trendsSection } from '../../../../lambda/report/templates/sections/trends-section.ts';
import { watchSection } from '../../../../lambda/report/templates/sections/watch-section.ts';
import { completeReportView } from '../../fixtures/complete-report-view.ts';

/** Hostile texts and what each must become in the email (written out, not computed by the code under test). */
const HOSTILE = [
  { raw: '<script>alert(1)</script>', escaped: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  { raw: `"&'<>`, escaped: '&quot;&amp;&#39;&lt;&gt;' },
  { raw: '</mj-text>', escaped: '&lt;/mj-text&gt;' },
  // Nothing to escape: it must come through literally, read by no template engine.
  { raw: '{{x}}', escaped: '{{x}}' },
] as const;

/** Lower-case letters only: escaping, no-break spaces and camelCase breaks leave it as it is. */
const MARKER = 'zzmarkerzz';

/**
 * Strings of the view that no section shows as text: the segment a key point is about and a row's key (the view
 * model uses them to choose), and the levels that pick a colour or an arrow (a closed set of words).
 */
const NOT_SHOWN = new Set([
  'keyPoints[].segment',
  'overviews[].rows[].key',
  'overviews[].rows[].priorityLevel',
  'strategies[].priorityLevel',
  'headline[].delta.trend',
  'periodActivity.tiles[].delta.trend',
  // The trends' table is the plain text's: the HTML shows the same numbers as the charts' images.
  'trends.table.revenueTitle',
  'trends.table.revenue[].period',
  'trends.table.revenue[].value',
  'trends.table.buyersTitle',
  'trends.table.buyers[].segment',
  'trends.table.buyers[].last',
  'trends.table.buyers[].before',
  'trends.table.cohortsTitle',
  'trends.table.cohorts[].cohort',
  'trends.table.cohorts[].share',
]);

type Render = (view: ReportView) => string;

/** Each section, and the parts of the view it renders (top-level fields and labels). */
const SECTIONS: { name: string; render: Render; parts: string[] }[] = [
  { name: 'head of the email', render: executiveSummaryMjml, parts: ['subject', 'preheader'] },
  { name: 'header', render: headerSection, parts: ['header'] },
  { name: 'period activity', render: periodActivitySection, parts: ['periodActivity'] },
  {
    name: 'headline',
    render: headlineSection,
    parts: ['headline', 'labels.headline', 'labels.comparison'],
  },
  { name: 'trends', render: trendsSection, parts: ['trends'] },
  { name: 'key points', render: keyPointsSection, parts: ['keyPoints', 'labels.keyPoints'] },
  { name: 'alerts', render: alertsSection, parts: ['alerts', 'labels.alerts'] },
  { name: 'chart', render: chartSection, parts: ['chart'] },
  { name: 'overview', render: overviewSections, parts: ['overviews'] },
  { name: 'migration', render: migrationSection, parts: ['migration'] },
  { name: 'value outlook', render: valueOutlookSection, parts: ['valueOutlook'] },
  {
    name: 'strategies',
    render: strategiesSection,
    parts: ['strategies', 'labels.strategies', 'labels.strategy', 'labels.colon'],
  },
  { name: 'budget', render: budgetSection, parts: ['budget', 'labels.budget'] },
  {
    name: 'watch and next steps',
    render: watchSection,
    parts: ['watch', 'nextSteps', 'labels.watch', 'labels.nextSteps', 'labels.watchColumns'],
  },
  { name: 'data quality', render: dataQualitySection, parts: ['dataQuality', 'labels.dataQuality'] },
  { name: 'customer file', render: customerFileSection, parts: ['customerFile'] },
  { name: 'footer', render: footerSection, parts: ['footer'] },
];

/** A string of the view: where it is, and the same path with `[]` for every index. */
interface Leaf {
  path: (string | number)[];
  pattern: string;
}

function stringLeaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (typeof value === 'string') return [{ path, pattern: patternOf(path) }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  }
  return [];
}

function patternOf(path: readonly (string | number)[]): string {
  return path
    .map((step) => (typeof step === 'number' ? '[]' : `.${step}`))
    .join('')
    .replace(/^\./, '');
}

/** A copy of the view with the string at `path` replaced. */
function withText(view: ReportView, path: readonly (string | number)[], text: string): ReportView {
  const copy = structuredClone(view);
  let parent: Record<string | number, unknown> = copy as unknown as Record<string, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = text;
  return copy;
}

/** The strings of `parts` of the view that the section shows. */
function shownStrings(view: ReportView, parts: readonly string[]): Leaf[] {
  return parts.flatMap((part) => {
    const path = part.split('.');
    const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], view);
    return stringLeaves(value, path).filter((leaf) => !NOT_SHOWN.has(leaf.pattern));
  });
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Every optional part present, so that every section shows every kind of string it can. */
const VIEW = completeReportView();

describe.each(SECTIONS)('the $name section', ({ render, parts }) => {
  const leaves = shownStrings(VIEW, parts);

  it('has strings to test, and shows each of them', () => {
    expect(leaves.length).toBeGreaterThan(0);
    for (const { path } of leaves) {
      expect(render(withText(VIEW, path, MARKER)), path.join('.')).toContain(MARKER);
    }
  });

  it.each(HOSTILE)('shows $raw escaped wherever a string of its view goes', ({ raw, escaped }) => {
    for (const { path } of leaves) {
      const where = path.join('.');
      const harmless = render(withText(VIEW, path, MARKER));
      const hostile = render(withText(VIEW, path, raw));
      if (raw !== escaped) {
        // The raw text adds nothing to the markup (`</mj-text>` is also the template's own closing tag).
        expect(occurrences(hostile, raw), where).toBe(occurrences(harmless, raw));
      }
      expect(hostile, where).toContain(escaped);
      expect(hostile, where).toBe(harmless.replaceAll(MARKER, escaped));
    }
  });
});

describe('the sections tested', () => {
  it('cover every part of the view the email shows', () => {
    const tested = new Set(SECTIONS.flatMap(({ parts }) => parts.map((part) => part.split('.')[0])));
    const labels = new Set(
      SECTIONS.flatMap(({ parts }) => parts.filter((part) => part.startsWith('labels.'))),
    );
    const untested = Object.keys(VIEW).filter((key) => !tested.has(key) && key !== 'locale');
    const untestedLabels = Object.keys(VIEW.labels).filter((key) => !labels.has(`labels.${key}`));
    expect(untested).toEqual([]);
    expect(untestedLabels).toEqual([]);
  });
});
