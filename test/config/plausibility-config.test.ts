/**
 * The hold's configuration: every check on with the engine's defaults unless told otherwise, per report kind;
 * a wrong value refused with its path; the approvals prefix kept apart from the input prefix.
 */
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../lambda/config/app-config.ts';
import { plausibilitySettingsFor } from '../../lambda/config/plausibility-config.ts';
import {
  PLAUSIBILITY_CHECKS,
  PLAUSIBILITY_DEFAULTS,
} from '../../lambda/engine/plausibility/plausibility-settings.ts';
import { MINIMAL, refusal } from './config-refusal.ts';

describe('the hold configuration', () => {
  it('runs every check with the defaults, holds no first report, waits 72 hours, by default', () => {
    const { hold, prefixes } = parseAppConfig(MINIMAL);
    for (const kind of ['upload', 'weekly', 'quarterly'] as const) {
      const settings = plausibilitySettingsFor(hold, kind);
      expect([...settings.enabled]).toEqual([...PLAUSIBILITY_CHECKS]);
      expect(settings.thresholds).toEqual(PLAUSIBILITY_DEFAULTS);
    }
    expect(hold.holdFirstReport).toBe(false);
    expect(hold.expiryHours).toBe(72);
    expect(prefixes.approvals).toBe('approvals/');
  });

  it('turns checks off and sets thresholds per report kind, the others keeping the defaults', () => {
    const { hold } = parseAppConfig({
      ...MINIMAL,
      hold: {
        weekly: { off: ['segment-shares', 'value-parameters'], thresholds: { minimumCoverage: 0.8 } },
        holdFirstReport: true,
        expiryHours: 24,
      },
    });
    const weekly = plausibilitySettingsFor(hold, 'weekly');
    expect(weekly.enabled.has('segment-shares')).toBe(false);
    expect(weekly.enabled.has('value-parameters')).toBe(false);
    expect(weekly.enabled.size).toBe(PLAUSIBILITY_CHECKS.length - 2);
    expect(weekly.thresholds).toEqual({ ...PLAUSIBILITY_DEFAULTS, minimumCoverage: 0.8 });
    expect(plausibilitySettingsFor(hold, 'quarterly').thresholds).toEqual(PLAUSIBILITY_DEFAULTS);
    expect(hold).toMatchObject({ holdFirstReport: true, expiryHours: 24 });
  });

  it('refuses a wrong value with its path', () => {
    expect(refusal({ ...MINIMAL, hold: { weekly: { off: ['revenu'] } } })).toMatch(
      /^configuration: hold\.weekly\.off\.0: must be one of rows, /,
    );
    expect(refusal({ ...MINIMAL, hold: { upload: { thresholds: { volumeChange: 0 } } } })).toBe(
      'configuration: hold.upload.thresholds.volumeChange: must be above 0 and at most 10',
    );
    expect(refusal({ ...MINIMAL, hold: { quarterly: { thresholds: { minimumCoverage: 1.01 } } } })).toBe(
      'configuration: hold.quarterly.thresholds.minimumCoverage: must be above 0 and at most 1',
    );
    expect(refusal({ ...MINIMAL, hold: { expiryHours: 0.5 } })).toBe(
      'configuration: hold.expiryHours: must be a whole number of hours, 1 to 720',
    );
    expect(refusal({ ...MINIMAL, hold: { weekly: { threshold: {} } } })).toMatch(
      /^configuration: hold\.weekly/,
    );
  });

  it('keeps the approvals prefix apart from the input prefix', () => {
    expect(
      refusal({ ...MINIMAL, prefixes: { incoming: 'incoming/', approvals: 'incoming/approvals/' } }),
    ).toBe(
      'configuration: prefixes.approvals: must not overlap the input prefix incoming/ (neither may start with the other)',
    );
  });

  it('keeps the approvals prefix apart from the prefixes the functions write to', () => {
    // Every object created there is read as a decision: a claim or a report written there would be one.
    expect(refusal({ ...MINIMAL, prefixes: { runs: 'runs/', approvals: 'runs/approvals/' } })).toBe(
      'configuration: prefixes.approvals: must not overlap the runs prefix runs/ (neither may start with the other)',
    );
    expect(refusal({ ...MINIMAL, prefixes: { reports: 'out/approvals/', approvals: 'out/' } })).toBe(
      'configuration: prefixes.approvals: must not overlap the reports prefix out/approvals/ (neither may start with the other)',
    );
  });
});
