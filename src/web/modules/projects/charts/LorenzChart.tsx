import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { escapeHtml } from '../../territory/charts/escapeHtml.ts';
import { useChart } from '../../territory/charts/useChart.ts';
import { useMoney } from '../money.ts';
import type { LorenzPoint } from '../types.ts';
import { echarts } from './echartsLine.ts';

/**
 * The Lorenz curve of € per resident (comuni from the least to the most funded per resident)
 * against the diagonal of a perfectly even split.
 */
export function LorenzChart({ points, label }: { points: LorenzPoint[]; label: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [ref, chart] = useChart(echarts);

  useEffect(() => {
    if (!chart) return;
    const axis = (name: string) => ({
      type: 'value',
      min: 0,
      max: 1,
      name,
      nameLocation: 'middle',
      nameGap: 32,
      nameTextStyle: { color: '#1a1a1a', fontFamily: 'Titillium Web, sans-serif' },
      axisLabel: { color: '#1a1a1a', formatter: (v: number) => money.percent(v) },
    });
    const curve = t('projects.pnrr.lorenz.curve');
    const equality = t('projects.pnrr.lorenz.equality');
    chart.setOption(
      {
        grid: { left: 56, right: 24, top: 40, bottom: 56 },
        legend: {
          top: 0,
          textStyle: { color: '#1a1a1a', fontFamily: 'Titillium Web, sans-serif' },
        },
        tooltip: {
          trigger: 'item',
          formatter: (params: { seriesName: string; value: [number, number] }) =>
            params.seriesName === curve
              ? escapeHtml(
                  t('projects.pnrr.lorenz.point', {
                    population: money.percent(params.value[0]),
                    amount: money.percent(params.value[1]),
                  }),
                )
              : '',
        },
        xAxis: axis(t('projects.pnrr.lorenz.xAxis')),
        yAxis: axis(t('projects.pnrr.lorenz.yAxis')),
        series: [
          {
            name: curve,
            type: 'line',
            data: points.map((p) => [p.population, p.amount]),
            showSymbol: false,
            lineStyle: { color: '#0066cc', width: 3 },
            itemStyle: { color: '#0066cc' },
            areaStyle: { color: 'rgba(0, 102, 204, 0.12)' },
          },
          {
            name: equality,
            type: 'line',
            data: [
              [0, 0],
              [1, 1],
            ],
            showSymbol: false,
            silent: true,
            lineStyle: { color: '#5c6f82', type: 'dashed', width: 2 },
            itemStyle: { color: '#5c6f82' },
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, points, money, t]);

  return (
    <div
      ref={ref}
      className="mp-lorenz-chart"
      data-testid="pnrr-lorenz-chart"
      role="img"
      aria-label={label}
    />
  );
}
