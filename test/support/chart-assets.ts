/** The chart assets the tests render with: the project's own files, read once per test file. */
import { chartAssetFiles } from '../../lambda/adapters/chart-asset-files.ts';

export const testChartAssets = chartAssetFiles();
