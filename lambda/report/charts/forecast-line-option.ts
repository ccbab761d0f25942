/**
 * The ECharts option of the forecast chart: the past as a solid line, the forecast dashed from the last actual
 * value, and the interval as a band (the lower bound stacked invisibly under the interval's width).
 */
import { THEME } from '../templates/markup/theme.ts';
import {
  AXIS_STYLE,
  CHART_LEGEND,
  CHART_TEXT,
  CHART_TITLE,
  LEGEND_PLOT_GAP,
  periodAxis,
  periodGrid,
} from './chart-style.ts';
import type { ForecastLineInput } from './chart-types.ts';
import { legendLayout, legendOption } from './legend-layout.ts';

export const FORECAST_LINE_CSS_HEIGHT = 300;

export function forecastLineOption(input: ForecastLineInput): Record<string, unknown> {
  const past = input.values.length;
  const blanks = (count: number): null[] => Array.from({ length: count }, () => null);
  const lastValue = input.values[past - 1] ?? null;
  const forecastLine = [...blanks(past - 1), lastValue, ...input.forecast.map((point) => point.value)];
  const lower = [...blanks(past), ...input.forecast.map((point) => point.lower)];
  const width = [...blanks(past), ...input.forecast.map((point) => point.upper - point.lower)];
  const { wording } = input;
  const hasForecast = input.forecast.length > 0;
  const legendNames = hasForecast
    ? [wording.actual, wording.forecastLegend, wording.interval]
    : [wording.actual];
  const legend = legendLayout(legendNames);
  return {
    animation: false,
    textStyle: CHART_TEXT,
    title: { ...CHART_TITLE, text: input.title },
    legend: legendOption(legendNames, legend),
    grid: periodGrid(CHART_LEGEND.top + legend.height + LEGEND_PLOT_GAP),
    xAxis: periodAxis([...input.periods, ...input.forecast.map((point) => point.period)]),
    yAxis: {
      type: 'value',
      ...AXIS_STYLE,
      axisLabel: { ...CHART_TEXT, formatter: (value: number) => input.formatValue(value) },
    },
    series: [
      {
        name: wording.actual,
        type: 'line',
        data: [...input.values, ...blanks(input.forecast.length)],
        symbol: 'none',
        lineStyle: { color: THEME.brand, width: 2 },
        itemStyle: { color: THEME.brand },
      },
      ...(hasForecast ? forecastSeries(input, forecastLine, lower, width) : []),
    ],
  };
}

function forecastSeries(
  input: ForecastLineInput,
  line: (number | null)[],
  lower: (number | null)[],
  width: (number | null)[],
): Record<string, unknown>[] {
  const band = { type: 'line', stack: 'interval', stackStrategy: 'all', symbol: 'none', silent: true };
  return [
    { ...band, name: 'lower', data: lower, lineStyle: { opacity: 0 }, tooltip: { show: false } },
    {
      ...band,
      name: input.wording.interval,
      data: width,
      lineStyle: { opacity: 0 },
      areaStyle: { color: THEME.customersBar, opacity: 0.45 },
      itemStyle: { color: THEME.customersBar },
    },
    {
      name: input.wording.forecastLegend,
      type: 'line',
      data: line,
      symbol: 'none',
      lineStyle: { color: THEME.brand, width: 2, type: 'dashed' },
      itemStyle: { color: THEME.brand },
    },
  ];
}
