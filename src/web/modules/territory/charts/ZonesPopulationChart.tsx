import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import type { Zone } from '../types.ts';
import { echarts } from './echartsBar.ts';
import { escapeHtml } from './escapeHtml.ts';
import { useChart } from './useChart.ts';

/** Horizontal bars of resident population per zone; the zones table carries the same numbers. */
export function ZonesPopulationChart({ zones, label }: { zones: Zone[]; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [ref, chart] = useChart(echarts);

  useEffect(() => {
    if (!chart) return;
    const sorted = [...zones].sort((a, b) => a.population - b.population);
    chart.setOption(
      {
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'item',
          formatter: (params: { name: string; value: number }) =>
            `<strong>${escapeHtml(params.name)}</strong><br>${escapeHtml(
              t('zones.residentsValue', { value: format.integer(params.value) }),
            )}`,
        },
        xAxis: {
          type: 'value',
          axisLabel: {
            color: '#1a1a1a',
            formatter: (value: number) => format.integer(value),
            hideOverlap: true,
          },
        },
        yAxis: {
          type: 'category',
          data: sorted.map((zone) => zone.name),
          axisLabel: { color: '#1a1a1a', fontFamily: 'Titillium Web, sans-serif' },
        },
        series: [
          {
            type: 'bar',
            data: sorted.map((zone) => zone.population),
            itemStyle: { color: '#0066cc' },
            barMaxWidth: 28,
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, zones, format, t]);

  return <div ref={ref} className="mp-bar-chart" role="img" aria-label={label} />;
}
