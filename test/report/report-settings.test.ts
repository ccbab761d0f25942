import { describe, expect, it } from 'vitest';
import { WARNING_DEFAULTS } from '../../lambda/engine/trends/warnings/warning-rules.ts';
import { DEFAULT_PLAYBOOK } from '../../lambda/report/playbook/default-playbook.ts';
import {
  DEFAULT_ALERT_THRESHOLDS,
  DEFAULT_KPI_TARGETS,
  parseReportSettings,
} from '../../lambda/report/report-settings.ts';
import { InvalidOptionError } from '../../lambda/errors/input-errors.ts';

/** The error parseReportSettings throws for `input`, to check its class and message. */
function settingsError(input: unknown, source?: string): Error {
  try {
    parseReportSettings(input, source);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`a non-Error was thrown: ${String(error)}`);
  }
  throw new Error('the settings were accepted but an error was expected');
}

describe('parseReportSettings: defaults', () => {
  it('fills in English, no currency, UTC, the default playbook, thresholds and targets when nothing is given', () => {
    expect(parseReportSettings()).toEqual({
      locale: 'en',
      currency: undefined,
      timeZone: 'UTC',
      totalBudget: undefined,
      reportName: undefined,
      companyName: undefined,
      columnLabels: {},
      playbook: DEFAULT_PLAYBOOK,
      alerts: DEFAULT_ALERT_THRESHOLDS,
      targets: DEFAULT_KPI_TARGETS,
      trendWarnings: WARNING_DEFAULTS,
    });
    expect(parseReportSettings({})).toEqual(parseReportSettings());
  });

  it('invents no currency from the language (the file names it, or none), and keeps a currency that is given', () => {
    expect(parseReportSettings({ locale: 'fr' }).currency).toBeUndefined();
    expect(parseReportSettings({ locale: 'en' }).currency).toBeUndefined();
    expect(parseReportSettings({ locale: 'fr', currency: 'CHF' }).currency).toBe('CHF');
    expect(parseReportSettings({ locale: 'en', currency: 'GBP' }).currency).toBe('GBP');
  });

  it('merges thresholds and targets field by field over the defaults', () => {
    const settings = parseReportSettings({
      timeZone: 'Europe/Paris',
      reportName: 'Revue clients',
      companyName: 'Maison Dupont',
      alerts: { maxInactiveShare: 0.4, maxMonthlyChurn: 0.08 },
      targets: { repeatRate: 0.5 },
    });
    expect(settings.timeZone).toBe('Europe/Paris');
    expect(settings.reportName).toBe('Revue clients');
    expect(settings.companyName).toBe('Maison Dupont');
    expect(settings.alerts).toEqual({
      maxInactiveShare: 0.4,
      maxAverageOrderValueDrop: 0.2,
      maxMonthlyChurn: 0.08,
      maxAtRiskRevenueShare: 0.2,
    });
    expect(settings.targets).toEqual({
      repeatRate: 0.5,
      retentionRate: 0.75,
      activeShare: 0.7,
      atRiskCustomerShare: 0.15,
    });
  });

  it('accepts thresholds at both ends of 0..1', () => {
    const settings = parseReportSettings({ alerts: { maxMonthlyChurn: 0, maxInactiveShare: 1 } });
    expect(settings.alerts.maxMonthlyChurn).toBe(0);
    expect(settings.alerts.maxInactiveShare).toBe(1);
  });
});

describe('parseReportSettings: validation names the wrong field', () => {
  it('rejects a threshold above 1 with its dotted path', () => {
    const error = settingsError({ alerts: { maxMonthlyChurn: 1.5 } });
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.name).toBe('InvalidOptionError');
    expect(error.message).toMatch(/^report settings: alerts\.maxMonthlyChurn: /);
  });

  it('rejects a negative target and a target that is not a number', () => {
    expect(settingsError({ targets: { repeatRate: -0.1 } }).message).toMatch(
      /^report settings: targets\.repeatRate: /,
    );
    expect(settingsError({ targets: { activeShare: '70%' } }).message).toMatch(
      /^report settings: targets\.activeShare: /,
    );
  });

  it('rejects a currency that is not three capital letters, quoting it', () => {
    for (const currency of ['eur', 'EURO', '€', '']) {
      expect(settingsError({ currency }).message).toBe(
        `report settings: currency: must be a three-letter ISO 4217 code such as EUR, got ${JSON.stringify(currency)}`,
      );
    }
  });

  it('rejects a time zone that Intl does not know', () => {
    expect(settingsError({ timeZone: 'Mars/Olympus_Mons' }).message).toBe(
      'report settings: timeZone: must be an IANA time zone such as Europe/Paris, got "Mars/Olympus_Mons"',
    );
  });

  it('names where the settings come from when told (the command line says --settings PATH)', () => {
    expect(settingsError({ targets: { repeatRate: 2 } }, '--settings team.json').message).toBe(
      '--settings team.json: targets.repeatRate: must be a share from 0 to 1 (0.3 = 30%), got 2',
    );
  });

  it('quotes a long wrong text by its start only', () => {
    const message = settingsError({ currency: 'x'.repeat(500) }).message;
    expect(message).toContain(`got "${'x'.repeat(40)}…"`);
    expect(message.length).toBeLessThan(200);
  });

  it('rejects a language other than English and French', () => {
    expect(settingsError({ locale: 'de' }).message).toMatch(/^report settings: locale: /);
  });

  it('rejects an unknown key, naming it, at the top level and inside a section', () => {
    const top = settingsError({ colour: 'red' });
    expect(top).toBeInstanceOf(InvalidOptionError);
    expect(top.message).toMatch(/^report settings: settings: /);
    expect(top.message).toContain('colour');

    const nested = settingsError({ alerts: { maxChurn: 0.1 } });
    expect(nested.message).toMatch(/^report settings: alerts: /);
    expect(nested.message).toContain('maxChurn');

    const strategy = settingsError({ playbook: { champions: { budget: 5 } } });
    expect(strategy.message).toMatch(/^report settings: playbook\.champions: /);
    expect(strategy.message).toContain('budget');
  });

  it('rejects a playbook override with a wrong field, naming the segment and the field', () => {
    expect(settingsError({ playbook: { atRisk: { priority: 'urgent' } } }).message).toMatch(
      /^report settings: playbook\.atRisk\.priority: /,
    );
    expect(settingsError({ playbook: { atRisk: { investmentPerCustomer: -1 } } }).message).toMatch(
      /^report settings: playbook\.atRisk\.investmentPerCustomer: /,
    );
    expect(settingsError({ playbook: { atRisk: { actions: [] } } }).message).toMatch(
      /^report settings: playbook\.atRisk\.actions: /,
    );
  });

  it('rejects settings that are not an object', () => {
    expect(settingsError(null).message).toMatch(/^report settings: settings: /);
    expect(settingsError('fr').message).toMatch(/^report settings: settings: /);
  });
});

describe('parseReportSettings: every number within a plausible range, so no budget or ROI overflows', () => {
  const INVESTMENT = 'must be 0 or a number from 0.01 to 1000000 (currency units per customer)';
  const UPLIFT = "must be a number from 0 to 1 (0.05 = 5% of the segment's revenue)";
  const SHARE = 'must be a share from 0 to 1 (0.3 = 30%)';

  it.each([
    [1e308, '1e+308'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [1_000_000.01, '1000000.01'],
    [0.001, '0.001'],
    [1e-300, '1e-300'],
    [-1, '-1'],
    ['5', '"5"'],
    [null, 'null'],
  ])('refuses an investment per customer of %s', (value, shown) => {
    expect(settingsError({ playbook: { atRisk: { investmentPerCustomer: value } } }).message).toBe(
      `report settings: playbook.atRisk.investmentPerCustomer: ${INVESTMENT}, got ${shown}`,
    );
  });

  it.each([0, 0.01, 8, 1_000_000])('accepts an investment per customer of %s', (value) => {
    expect(
      parseReportSettings({ playbook: { atRisk: { investmentPerCustomer: value } } }).playbook.atRisk
        ?.investmentPerCustomer,
    ).toBe(value);
  });

  it.each([
    [1.01, '1.01'],
    [10, '10'],
    [1e308, '1e+308'],
    [-0.01, '-0.01'],
  ])('refuses an expected uplift of %s', (value, shown) => {
    expect(settingsError({ playbook: { default: { expectedUplift: value } } }).message).toBe(
      `report settings: playbook.default.expectedUplift: ${UPLIFT}, got ${shown}`,
    );
  });

  it.each([
    [-1, '-1'],
    [1e13, '10000000000000'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    ['50000', '"50000"'],
    [null, 'null'],
  ])('refuses a total budget of %s', (value, shown) => {
    expect(settingsError({ totalBudget: value }).message).toBe(
      `report settings: totalBudget: must be a number of currency units from 0 to 1e12, got ${shown}`,
    );
  });

  it.each([0, 50_000, 1e12])('accepts a total budget of %s', (value) => {
    expect(parseReportSettings({ totalBudget: value }).totalBudget).toBe(value);
  });

  it.each([0, 0.05, 1])('accepts an expected uplift of %s', (value) => {
    expect(
      parseReportSettings({ playbook: { lost: { expectedUplift: value } } }).playbook.lost?.expectedUplift,
    ).toBe(value);
  });

  it.each([
    ['alerts', 'maxInactiveShare'],
    ['alerts', 'maxAverageOrderValueDrop'],
    ['alerts', 'maxMonthlyChurn'],
    ['alerts', 'maxAtRiskRevenueShare'],
    ['targets', 'repeatRate'],
    ['targets', 'retentionRate'],
    ['targets', 'activeShare'],
    ['targets', 'atRiskCustomerShare'],
  ])('refuses %s.%s outside 0..1 or not a number', (section, field) => {
    for (const [value, shown] of [
      [1e308, '1e+308'],
      [-0.5, '-0.5'],
      ['30%', '"30%"'],
    ] as const) {
      expect(settingsError({ [section]: { [field]: value } }).message).toBe(
        `report settings: ${section}.${field}: ${SHARE}, got ${shown}`,
      );
    }
  });

  it('bounds the texts and the number of actions and entries of the playbook', () => {
    const TEXT = 'must be a text of 1 to 300 characters, or one per language {"en": ..., "fr": ...}';
    expect(settingsError({ playbook: { loyal: { tone: 'x'.repeat(301) } } }).message).toBe(
      `report settings: playbook.loyal.tone: ${TEXT}, got "${'x'.repeat(40)}…"`,
    );
    expect(settingsError({ playbook: { loyal: { channel: { en: 'Email' } } } }).message).toMatch(
      /^report settings: playbook\.loyal\.channel: /,
    );
    const call = { name: 'Call', unitCost: 5, reach: 0.5 };
    const elevenActions = [
      { name: 'A', actions: Array(6).fill(call) },
      { name: 'B', actions: Array(5).fill(call) },
    ];
    expect(settingsError({ playbook: { loyal: { subStrategies: elevenActions } } }).message).toBe(
      'report settings: playbook.loyal.subStrategies: must list at most 10 actions in all',
    );
    const entries = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`group-${index}`, {}]));
    expect(settingsError({ playbook: entries }).message).toBe(
      'report settings: playbook: must have at most 100 entries',
    );
    expect(settingsError({ playbook: { ['k'.repeat(101)]: {} } }).message).toBe(
      `report settings: playbook.${'k'.repeat(40)}…: must be a segment or cluster key of 1 to 100 characters`,
    );
    expect(
      parseReportSettings({ playbook: { loyal: { tone: 'x'.repeat(300) } } }).playbook.loyal?.tone.en,
    ).toHaveLength(300);
  });
});

describe('parseReportSettings: playbook overrides', () => {
  it('merges an override field by field over the default of the same key', () => {
    const call = { name: 'Appeler sous 7 jours', unitCost: 9.5, reach: 0.3 };
    const { playbook } = parseReportSettings({
      playbook: {
        atRisk: { channel: 'Téléphone', subStrategies: [{ name: 'Appels', actions: [call] }] },
      },
    });
    const inBoth = (text: string) => ({ en: text, fr: text });
    expect(playbook.atRisk).toEqual({
      ...DEFAULT_PLAYBOOK.atRisk,
      channel: inBoth('Téléphone'),
      subStrategies: [{ name: inBoth('Appels'), actions: [{ ...call, name: inBoth(call.name) }] }],
    });
    // Untouched fields come from the default At risk strategy, not from `default`.
    expect(playbook.atRisk?.expectedUplift).toBe(0.05);
    expect(playbook.atRisk?.priority).toBeUndefined(); // derived by the report unless configured
    // Other entries are the defaults.
    expect(playbook.champions).toEqual(DEFAULT_PLAYBOOK.champions);
  });

  it('applies one plain string to both languages, and keeps texts given per language', () => {
    const { playbook } = parseReportSettings({
      playbook: { loyal: { tone: 'Warm', frequency: { en: 'Monthly', fr: 'Mensuelle' } } },
    });
    expect(playbook.loyal?.tone).toEqual({ en: 'Warm', fr: 'Warm' });
    expect(playbook.loyal?.frequency).toEqual({ en: 'Monthly', fr: 'Mensuelle' });
  });

  it('starts a new key from the default strategy', () => {
    const { playbook } = parseReportSettings({ playbook: { 'vip-club': { priority: 'high' } } });
    expect(playbook['vip-club']).toEqual({ ...DEFAULT_PLAYBOOK.default, priority: 'high' });
  });

  it('does not change the default playbook, nor entries that share a strategy with the overridden one', () => {
    // 'high-value-loyal' is the same Strategy object as 'champions' in the default playbook.
    const { playbook } = parseReportSettings({ playbook: { champions: { investmentPerCustomer: 50 } } });
    expect(playbook.champions?.investmentPerCustomer).toBe(50);
    expect(playbook['high-value-loyal']?.investmentPerCustomer).toBeUndefined();
    expect(DEFAULT_PLAYBOOK.champions?.investmentPerCustomer).toBeUndefined();
    expect(parseReportSettings().playbook.champions?.investmentPerCustomer).toBeUndefined();
    expect(playbook['high-value-loyal']).toBe(DEFAULT_PLAYBOOK.champions);
  });
});

describe('parseReportSettings: column labels (customer-table cluster names)', () => {
  it('keeps a noun phrase or the words above and below the average, per language', () => {
    const columnLabels = {
      MntWines: { en: 'wine budget', fr: { high: 'Amateurs de vin', low: 'Peu de vin' } },
    };
    expect(parseReportSettings({ columnLabels }).columnLabels).toEqual(columnLabels);
  });

  it('names the column and the language of a wrong label', () => {
    expect(settingsError({ columnLabels: { MntWines: { en: 'wine', fr: '' } } }).message).toBe(
      'report settings: columnLabels.MntWines.fr: must be a label of 1 to 40 characters or { "high": ..., "low": ... }, got ""',
    );
    expect(settingsError({ columnLabels: { MntWines: { en: 'wine' } } }).message).toMatch(
      /^report settings: columnLabels\.MntWines\.fr: /,
    );
    expect(settingsError({ columnLabels: { Income: { en: 'x'.repeat(41), fr: 'revenu' } } }).message).toMatch(
      /^report settings: columnLabels\.Income\.en: must be a label of 1 to 40 characters/,
    );
    expect(
      settingsError({ columnLabels: { Income: { en: { high: 'rich' }, fr: 'revenu' } } }).message,
    ).toMatch(/^report settings: columnLabels\.Income\.en: /);
  });
});

describe('parseReportSettings: sub-strategies and actions, one line naming the setting', () => {
  const offer = (action: Record<string, unknown>) => ({
    playbook: { atRisk: { subStrategies: [{ name: 'Offer', actions: [action] }] } },
  });
  const at = 'report settings: playbook.atRisk.subStrategies.0.actions.0';
  const UNIT_COST =
    'must be a number from 0 to 1000000 with at most two decimals (currency units per customer reached)';
  const REACH = "must be a share from 0 to 1 (0.8 = 80% of the segment's customers)";

  it.each([
    [2.555, '2.555'],
    [-1, '-1'],
    [1e308, '1e+308'],
    ['2.5', '"2.5"'],
  ])('refuses a unit cost of %s', (value, shown) => {
    expect(settingsError(offer({ name: 'Voucher', unitCost: value, reach: 0.5 })).message).toBe(
      `${at}.unitCost: ${UNIT_COST}, got ${shown}`,
    );
  });

  it.each([
    [1.5, '1.5'],
    [-0.1, '-0.1'],
    [null, 'null'],
  ])('refuses a reach of %s', (value, shown) => {
    expect(settingsError(offer({ name: 'Voucher', unitCost: 2.5, reach: value })).message).toBe(
      `${at}.reach: ${REACH}, got ${shown}`,
    );
  });

  it('refuses an action without a name, an unknown field, and an empty list', () => {
    expect(settingsError(offer({ unitCost: 2.5, reach: 0.5 })).message).toBe(
      `${at}.name: must be a name of 1 to 120 characters, or one per language {"en": ..., "fr": ...}`,
    );
    expect(settingsError(offer({ name: 'V', unitCost: 2.5, reach: 0.5, cost: 3 })).message).toMatch(
      /^report settings: playbook\.atRisk\.subStrategies\.0\.actions\.0: Unrecognized key: "cost"$/,
    );
    expect(settingsError({ playbook: { atRisk: { subStrategies: [] } } }).message).toBe(
      'report settings: playbook.atRisk.subStrategies: must list 1 to 5 sub-strategies, each {"name": ..., "actions": [...]}',
    );
  });

  it('refuses a flat amount and sub-strategies together, and actions outside a sub-strategy', () => {
    const both = {
      investmentPerCustomer: 3,
      subStrategies: [{ name: 'Offer', actions: [{ name: 'V', unitCost: 1, reach: 1 }] }],
    };
    expect(settingsError({ playbook: { atRisk: both } }).message).toBe(
      'report settings: playbook.atRisk: set investmentPerCustomer (a flat amount per customer) or subStrategies (costed actions), not both',
    );
    expect(settingsError({ playbook: { atRisk: { actions: ['Call them'] } } }).message).toBe(
      'report settings: playbook.atRisk.actions: actions now sit in sub-strategies, each with a cost: use "subStrategies": ' +
        '[{"name": ..., "actions": [{"name": ..., "unitCost": ..., "reach": ...}]}]',
    );
  });

  it('accepts 0 and 1 as reach, 0 and two decimals as unit cost, and a name per language', () => {
    const name = { en: 'Voucher', fr: 'Bon' };
    const parsed = parseReportSettings(offer({ name, unitCost: 0.35, reach: 1 })).playbook.atRisk;
    expect(parsed?.subStrategies[0]?.actions[0]).toEqual({ name, unitCost: 0.35, reach: 1 });
    expect(
      parseReportSettings(offer({ name: 'Free', unitCost: 0, reach: 0 })).playbook.atRisk?.subStrategies,
    ).toEqual([
      {
        name: { en: 'Offer', fr: 'Offer' },
        actions: [{ name: { en: 'Free', fr: 'Free' }, unitCost: 0, reach: 0 }],
      },
    ]);
  });
});
