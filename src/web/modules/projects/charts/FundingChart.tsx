import { useEffect } from 'react';
import { echarts } from '../../territory/charts/echartsBar.ts';
import { escapeHtml } from '../../territory/charts/escapeHtml.ts';
import { useChart } from '../../territory/charts/useChart.ts';
import { useMoney } from '../money.ts';

interface FundingChartProps {
  bars: { label: string; value: number }[];
  label: string;
}

/** One horizontal bar per source that put money in; the table above carries the same figures. */
export function FundingChart({ bars, label }: FundingChartProps) {
  const money = useMoney();
  const [ref, chart] = useChart(echarts);

  useEffect(() => {
    if (!chart) return;
    const sorted = [...bars].sort((a, b) => a.value - b.value);
    chart.setOption(
      {
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'item',
          formatter: (params: { name: string; value: number }) =>
            `<strong>${escapeHtml(params.name)}</strong><br>${escapeHtml(money.eur(params.value))}`,
        },
        xAxis: {
          type: 'value',
          axisLabel: {
            color: '#1a1a1a',
            formatter: (value: number) => money.short(value),
            hideOverlap: true,
          },
        },
        yAxis: {
          type: 'category',
          data: sorted.map((bar) => bar.label),
          axisLabel: {
            color: '#1a1a1a',
            fontFamily: 'Titillium Web, sans-serif',
            width: 140,
            overflow: 'break',
          },
        },
        series: [
          {
            type: 'bar',
            data: sorted.map((bar) => bar.value),
            itemStyle: { color: '#0066cc' },
            barMaxWidth: 24,
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, bars, money]);

  return (
    <div
      ref={ref}
      className="mp-small-chart"
      style={{ height: `${Math.max(120, 48 * bars.length + 40)}px` }}
      role="img"
      aria-label={label}
    />
  );
}
