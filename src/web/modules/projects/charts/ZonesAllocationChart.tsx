import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts } from '../../territory/charts/echartsBar.ts';
import { escapeHtml } from '../../territory/charts/escapeHtml.ts';
import { useChart } from '../../territory/charts/useChart.ts';
import { useMoney } from '../money.ts';
import type { ZoneAllocation } from '../types.ts';

export type ZoneMetric = 'perResident' | 'eur';

interface ZonesAllocationChartProps {
  zones: ZoneAllocation[];
  metric: ZoneMetric;
  label: string;
}

/** Horizontal bars per zone, € per resident or € in all; the table beside carries both. */
export function ZonesAllocationChart({ zones, metric, label }: ZonesAllocationChartProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const [ref, chart] = useChart(echarts);

  useEffect(() => {
    if (!chart) return;
    const value = (zone: ZoneAllocation) => (metric === 'eur' ? zone.eur : (zone.perResident ?? 0));
    const sorted = [...zones].sort((a, b) => value(a) - value(b));
    const show = metric === 'eur' ? money.short : money.eur;
    chart.setOption(
      {
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'item',
          formatter: (params: { dataIndex: number }) => {
            const zone = sorted[params.dataIndex];
            if (!zone) return '';
            return [
              `<strong>${escapeHtml(zone.name)}</strong>`,
              escapeHtml(`${t('projects.pnrr.perResident')}: ${money.cents(zone.perResident)}`),
              escapeHtml(`${t('projects.pnrr.allocated')}: ${money.eur(zone.eur)}`),
            ].join('<br>');
          },
        },
        xAxis: {
          type: 'value',
          axisLabel: {
            color: '#1a1a1a',
            formatter: (v: number) => show(v),
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
            data: sorted.map(value),
            itemStyle: { color: '#0066cc' },
            barMaxWidth: 28,
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, zones, metric, money, t]);

  return (
    <div
      ref={ref}
      className="mp-bar-chart"
      data-testid="pnrr-zones-chart"
      role="img"
      aria-label={label}
    />
  );
}
