/**
 * Where the values of `analyze`'s flags go, read from the options table: the analysis options, the report
 * settings, the files to write. A flag given no value leaves its key out, so that the defaults of the engine and
 * of the report apply.
 */
import type { AnalyzeOptions } from '../engine/analysis/analyze-options.ts';
import { ANALYZE_FLAGS, type AnalyzeArguments, type Destination } from './analyze-flags.ts';
import { FLAG_KEYS, flagOf, type KeysGoingTo } from './flag-names.ts';

/** The keys of the flags whose values go to `destination`, in the table's order. */
function keysGoingTo<D extends Destination>(destination: D): KeysGoingTo<D>[] {
  return FLAG_KEYS.filter((key): key is KeysGoingTo<D> => ANALYZE_FLAGS[key].goesTo === destination);
}

/** The values given for these keys, without the ones not given. */
function givenValues<T extends object, K extends keyof T>(args: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const given: Partial<Pick<T, K>> = {};
  for (const key of keys) if (args[key] !== undefined) given[key] = args[key];
  return given;
}

/** The analysis options the flags set directly, under their own names. */
type DirectAnalysisKeys = Exclude<KeysGoingTo<'analysis'>, 'noDiversity' | 'features' | 'prospectFeatures'>;

/**
 * The analysis options the flags set: `--features A,B` is the list of its column names, `--no-diversity` turns
 * purchase diversity off.
 */
export function analysisOptionsOf(
  args: AnalyzeArguments,
): Partial<Pick<AnalyzeOptions, DirectAnalysisKeys | 'features' | 'prospectFeatures' | 'purchaseDiversity'>> {
  const { features, prospectFeatures, noDiversity, ...options } = givenValues(args, keysGoingTo('analysis'));
  const names = (list: string) => list.split(',').map((name) => name.trim());
  return {
    ...options,
    ...(features === undefined ? {} : { features: names(features) }),
    ...(prospectFeatures === undefined ? {} : { prospectFeatures: names(prospectFeatures) }),
    ...(noDiversity === true ? { purchaseDiversity: false } : {}),
  };
}

/** The customer value settings the flags set: `--no-value` turns the models off, whatever the others say. */
export function valueOptionsOf(args: AnalyzeArguments): Pick<AnalyzeOptions, 'value'> {
  if (args.noValue === true) return { value: false };
  const value = {
    ...(args.horizon === undefined ? {} : { horizonMonths: args.horizon }),
    ...(args.discount === undefined ? {} : { monthlyDiscountRate: args.discount }),
    ...(args.margin === undefined ? {} : { margin: args.margin }),
  };
  return Object.keys(value).length === 0 ? {} : { value };
}

/** The report settings the flags set, over those of the --settings file. */
export function reportSettingsOf(
  args: ReportFileOptions,
): Partial<Pick<ReportFileOptions, KeysGoingTo<'report-setting'>>> {
  return givenValues(args, keysGoingTo('report-setting'));
}

/** The files to write, each with its flag, in the usage's order. */
export function outputsOf(args: AnalyzeArguments): [flag: string, path: string][] {
  return keysGoingTo('output').flatMap((key): [string, string][] => {
    const path = args[key];
    return path === undefined ? [] : [[flagOf(key), path]];
  });
}

/** What the report's preparation and writing read: the FILE, the report's flags and its two files. */
export type ReportFileOptions = Pick<
  AnalyzeArguments,
  'file' | 'html' | 'text' | 'charts' | KeysGoingTo<'report-setting' | 'report-input'>
>;
