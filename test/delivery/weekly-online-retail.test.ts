/**
 * The weekly report is about its week: Online Retail split into weekly uploads (each Sunday night, the week's
 * invoices, `scheduleSource: history`), and the Monday run's subject and first section carry that week's orders,
 * revenue and customers, compared with the week before and the same week a year earlier. Every figure is checked
 * against a count of the invoices made here from the raw lines, with the same rules written out again (a customer,
 * not a cancellation, quantity and price above 0), not through the engine's reader.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runScheduledReport } from '../../lambda/delivery/scheduled-run.ts';
import { MemoryDelivery } from '../support/memory-delivery.ts';
import { RETAIL_HEADER, RETAIL_USED, retailLinesByWeek, shiftDay } from '../support/online-retail-weeks.ts';

const FIRST_ORDER = new Map<string, string>();
for (const line of RETAIL_USED) {
  const first = FIRST_ORDER.get(line.customer);
  if (first === undefined || line.day < first) FIRST_ORDER.set(line.customer, line.day);
}

/** That week's invoices, revenue, customers and new customers, counted from the lines. */
function countWeek(monday: string) {
  const end = shiftDay(monday, 7);
  const lines = RETAIL_USED.filter((line) => line.day >= monday && line.day < end);
  const customers = new Set(lines.map((line) => line.customer));
  return {
    orders: new Set(lines.map((line) => line.invoice)).size,
    revenue: lines.reduce((sum, line) => sum + line.quantity * line.price, 0),
    customers: customers.size,
    newCustomers: [...customers].filter((customer) => (FIRST_ORDER.get(customer) ?? '') >= monday).length,
  };
}

/** The bucket: one file a week, put on the Sunday evening of its week (every line of the raw file, bad ones too). */
function bucketOfWeeklyUploads(runAt: Date): MemoryDelivery {
  const world = new MemoryDelivery(runAt, {
    scheduleSource: 'history',
    report: { locale: 'en', timeZone: 'Europe/London' },
  });
  for (const [monday, lines] of retailLinesByWeek()) {
    const sundayEvening = new Date(`${shiftDay(monday, 6)}T21:00:00Z`);
    world.store.put(
      `incoming/retail-${monday}.csv`,
      `${[RETAIL_HEADER, ...lines].join('\n')}\n`,
      sundayEvening,
    );
  }
  return world;
}

const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const change = (now: number, before: number) =>
  `${now >= before ? '+' : '-'}${((Math.abs(now - before) / before) * 100).toFixed(1)}%`;

/** A tile's line in the plain text: its figure, its change on the week before, the same week a year earlier. */
function tileLine(label: string, now: number, before: number, yearAgo: number | null): string {
  const lastYear =
    yearAgo === null ? '' : ` - Same week last year: ${whole(yearAgo)} (${change(now, yearAgo)})`;
  return `${label}: ${whole(now)} (${change(now, before)})${lastYear}\n`;
}

describe.each([
  // The file begins on Wednesday Dec 1, 2010: it does not hold the whole week of Nov 29, 2010, a year before.
  {
    monday: '2011-11-28',
    runAt: '2011-12-05T07:00:00Z',
    title: 'Nov 28, 2011 to Dec 4, 2011',
    lastYear: false,
  },
  // The file ends on Friday Dec 9, 2011.
  {
    monday: '2011-12-05',
    runAt: '2011-12-12T07:00:00Z',
    title: 'Dec 5, 2011 to Dec 11, 2011',
    lastYear: true,
  },
])(
  'the weekly report of the week of $monday, from weekly uploads of Online Retail',
  ({ monday, runAt, title, lastYear }) => {
    const week = countWeek(monday);
    const previous = countWeek(shiftDay(monday, -7));
    const yearAgo = lastYear ? countWeek(shiftDay(monday, -364)) : null;
    const endsEarly = monday === '2011-12-05';
    let world: MemoryDelivery;

    beforeAll(async () => {
      world = bucketOfWeeklyUploads(new Date(runAt));
      const outcome = await runScheduledReport(world.context(), 'weekly');
      expect(outcome).toMatchObject({ status: 'sent' });
    }, 120_000);

    it("carries the week's own orders, revenue and customers in its subject", () => {
      const [email] = world.mailer.toExecutives();
      const revenue = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
      expect(email?.subject).toBe(
        `Weekly report, ${title}: ${whole(week.orders)} orders, revenue ${revenue.format(week.revenue)} ` +
          `(${change(week.revenue, previous.revenue)} on the previous week), ${whole(week.customers)} customers`,
      );
    });

    it('leads with the week, against the week before and the same week a year earlier', () => {
      const text = world.mailer.toExecutives()[0]?.text ?? '';
      const section = text.slice(text.indexOf(`THIS WEEK, ${title.toUpperCase()}`));
      expect(section.indexOf('THE CUSTOMER BASE, WHOLE FILE (DEC 1, 2010 TO')).toBeGreaterThan(0);
      const returning = (figures: ReturnType<typeof countWeek>) => figures.customers - figures.newCustomers;
      expect(section).toContain(
        tileLine('Orders', week.orders, previous.orders, yearAgo?.orders ?? null) +
          tileLine('Revenue', week.revenue, previous.revenue, yearAgo?.revenue ?? null) +
          // A year earlier the file held five days of history: too little to tell who was new (no grey line).
          tileLine('New customers', week.newCustomers, previous.newCustomers, null) +
          tileLine('Returning customers', returning(week), returning(previous), null),
      );
      expect(text.indexOf('THIS WEEK')).toBeLessThan(text.indexOf('THE CUSTOMER BASE, WHOLE FILE'));
      const html = world.mailer.toExecutives()[0]?.html ?? '';
      expect(html.indexOf(`This week, ${title}`)).toBeGreaterThan(0);
      // The week's section comes before the headline of the whole file.
      expect(html.indexOf(`This week, ${title}`)).toBeLessThan(html.indexOf('section-headline'));
    });

    it("names the whole file's figures in the inbox line, never its revenue beside the week's", () => {
      const html = world.mailer.toExecutives()[0]?.html ?? '';
      const customers = new Set(
        RETAIL_USED.filter((line) => line.day < shiftDay(monday, 7)).map((line) => line.customer),
      );
      expect(html).toMatch(
        new RegExp(
          `The customer base since Dec 1, 2010: ${whole(customers.size)} customers, \\d+\\.\\d% of them slipping away\\.`,
        ),
      );
      expect(html).not.toMatch(/\b8\.[59]M\b/);
    });

    it('says when the file ends before the week does (Online Retail ends on Friday Dec 9, 2011)', () => {
      const text = world.mailer.toExecutives()[0]?.text ?? '';
      const note =
        "! The file's last order is on Dec 9, 2011, before the week ends: its last days are not counted yet.";
      expect(text.includes(note)).toBe(endsEarly);
    });

    it('invents no currency: Online Retail names none and none is configured', () => {
      const [email] = world.mailer.toExecutives();
      for (const part of [email?.subject, email?.text, email?.html])
        expect(part).not.toMatch(/[£$€]|GBP|USD|EUR/);
    });
  },
);

describe('the quarterly review of 2011-Q3, from the same weekly uploads', () => {
  /** That quarter's invoices, revenue and customers, counted from the lines. */
  function countDays(first: string, end: string) {
    const lines = RETAIL_USED.filter((line) => line.day >= first && line.day < end);
    return {
      orders: new Set(lines.map((line) => line.invoice)).size,
      revenue: lines.reduce((sum, line) => sum + line.quantity * line.price, 0),
      customers: new Set(lines.map((line) => line.customer)).size,
    };
  }

  // The file of the quarter's last week (Sep 26 to Oct 2) is put on Sunday Oct 2, after the quarter: the review
  // reads what came before its end, counts to Sep 25, and says that the quarter's last days are not in yet.
  it('carries the quarter against the quarter before; the file holds no quarter a year earlier', async () => {
    const world = bucketOfWeeklyUploads(new Date('2011-10-03T07:00:00Z'));
    expect(await runScheduledReport(world.context(), 'quarterly')).toMatchObject({ status: 'sent' });
    const quarter = countDays('2011-07-01', '2011-09-26');
    const previous = countDays('2011-04-01', '2011-07-01');
    const [email] = world.mailer.toExecutives();
    const revenue = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
    expect(email?.subject).toBe(
      `Quarterly review, Jul 1, 2011 to Sep 30, 2011: ${whole(quarter.orders)} orders, revenue ` +
        `${revenue.format(quarter.revenue)} (${change(quarter.revenue, previous.revenue)} on the previous quarter), ` +
        `${whole(quarter.customers)} customers`,
    );
    expect(email?.text).toContain(`THIS QUARTER, JUL 1, 2011 TO SEP 30, 2011`);
    expect(email?.text).toContain("! The file's last order is on Sep 25, 2011, before the quarter ends");
    expect(email?.text).toContain(
      `Orders: ${whole(quarter.orders)} (${change(quarter.orders, previous.orders)})\n`,
    );
  }, 120_000);
});
