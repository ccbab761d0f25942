// "Did you mean ...?": the closest known name to a mistyped flag or command, or none when nothing is close.
import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../lambda/cli/suggest.ts';

const FLAGS = [
  'k',
  'seed',
  'as-of',
  'date-format',
  'decimal-mark',
  'json',
  'customers',
  'time-zone',
  'quiet',
];

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['date-fromat', 'date-format', 1],
    ['timezone', 'time-zone', 1],
    ['seed', 'seed', 0],
  ])('%j to %j is %i', (left, right, distance) => {
    expect(editDistance(left, right)).toBe(distance);
    expect(editDistance(right, left)).toBe(distance);
  });
});

describe('closestName', () => {
  it.each([
    ['date-fromat', 'date-format'],
    ['dateformat', 'date-format'],
    ['Date-Format', 'date-format'],
    ['timezone', 'time-zone'],
    ['customer', 'customers'],
    ['K', 'k'],
    ['quite', 'quiet'],
    ['dec', 'decimal-mark'],
  ])('proposes %j for %j', (typed, expected) => {
    expect(closestName(typed, FLAGS)).toBe(expected);
  });

  it.each(['colour', 'output', 'x', '', 'd'])('proposes nothing for %j', (typed) => {
    expect(closestName(typed, FLAGS)).toBeUndefined();
  });
});
