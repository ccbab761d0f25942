import { describe, expect, it } from 'vitest';
import {
  cohortRetentionDrop,
  fallingRun,
  outsideInterval,
  volatilityRise,
} from '../../../lambda/engine/trends/warnings/warning-rules.ts';

describe('outsideInterval', () => {
  it('fires just below the lower bound and just above the upper one, not on them', () => {
    const interval = { lower: 90, upper: 110 };
    expect(outsideInterval(89.99, interval)).toEqual({
      direction: 'below',
      actual: 89.99,
      lower: 90,
      upper: 110,
    });
    expect(outsideInterval(110.01, interval)).toMatchObject({ direction: 'above' });
    expect(outsideInterval(90, interval)).toBeNull();
    expect(outsideInterval(110, interval)).toBeNull();
    expect(outsideInterval(Number.NaN, interval)).toBeNull();
  });
});

describe('fallingRun', () => {
  it('fires on three falls in a row ending the series, not on two', () => {
    expect(fallingRun([5, 10, 9, 8, 7], 3)).toEqual({ periods: 3, from: 10, to: 7 });
    expect(fallingRun([5, 10, 10, 8, 7], 3)).toBeNull(); // a flat period breaks the run
    expect(fallingRun([10, 9, 8, 9], 3)).toBeNull(); // the last period rose
    expect(fallingRun([12, 11, 10, 9, 8], 3)).toEqual({ periods: 4, from: 12, to: 8 });
    expect(fallingRun([7], 1)).toBeNull();
  });
});

describe('volatilityRise', () => {
  // Relative changes of +10%, -10% before, then of +20%, -20%: the standard deviation doubles.
  const steady = [100, 110, 99, 108.9, 98.01];
  const swinging = [...steady, 117.612, 94.0896, 112.90752, 90.326016];

  it('fires when the recent changes swing more than the ratio times the earlier ones, not at or below it', () => {
    const rise = volatilityRise(swinging, 4, 1.5);
    expect(rise?.ratio).toBeCloseTo(2, 9);
    expect(volatilityRise(swinging, 4, 1.99)).not.toBeNull();
    expect(volatilityRise(swinging, 4, 2.01)).toBeNull();
  });

  it('says nothing on too short a series, or through a period at zero', () => {
    expect(volatilityRise(swinging.slice(1), 4, 1.5)).toBeNull();
    expect(volatilityRise([...steady.slice(0, 2), 0, ...swinging.slice(3)], 4, 1.5)).toBeNull();
  });
});

describe('cohortRetentionDrop', () => {
  const cohorts = (newest: number) => [
    { label: '2011-01', customers: 100, share: 0.4 },
    { label: '2011-02', customers: 100, share: 0.3 },
    { label: '2011-03', customers: 10, share: 0.0 }, // too small to count
    { label: '2011-04', customers: 100, share: newest },
    { label: '2011-05', customers: 100, share: null }, // its period is not over yet
  ];

  it('fires when the newest known cohort retains more than the drop below the earlier mean, not at it', () => {
    expect(cohortRetentionDrop(cohorts(0.24), 0.1, 30)).toEqual({
      cohort: '2011-04',
      share: 0.24,
      earlierMean: 0.35,
      earlierCohorts: 2,
    });
    expect(cohortRetentionDrop(cohorts(0.26), 0.1, 30)).toBeNull();
  });

  it('needs an earlier cohort to compare with', () => {
    expect(cohortRetentionDrop(cohorts(0.1).slice(3), 0.1, 30)).toBeNull();
  });
});
