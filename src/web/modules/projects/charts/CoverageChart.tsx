import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts } from '../../territory/charts/echartsBar.ts';
import { escapeHtml } from '../../territory/charts/escapeHtml.ts';
import { useChart } from '../../territory/charts/useChart.ts';
import { useMoney } from '../money.ts';
import type { LinkCoverage } from '../types.ts';

/** PNRR money linked to the plan against what is not yet: the figures above say the same. */
export function CoverageChart({ coverage }: { coverage: LinkCoverage }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [ref, chart] = useChart(echarts);

  useEffect(() => {
    if (!chart) return;
    const bars = [
      {
        name: t('projects.links.coverage.unlinkedEur'),
        value: coverage.unlinkedEur,
        color: '#a3aab3',
      },
      { name: t('projects.links.coverage.linkedEur'), value: coverage.linkedEur, color: '#008758' },
    ];
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
            formatter: (v: number) => money.short(v),
            hideOverlap: true,
          },
        },
        yAxis: {
          type: 'category',
          data: bars.map((bar) => bar.name),
          axisLabel: { color: '#1a1a1a', fontFamily: 'Titillium Web, sans-serif' },
        },
        series: [
          {
            type: 'bar',
            data: bars.map((bar) => ({ value: bar.value, itemStyle: { color: bar.color } })),
            barMaxWidth: 28,
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, coverage, money, t]);

  return (
    <div
      ref={ref}
      className="mp-small-chart"
      style={{ height: '140px' }}
      role="img"
      aria-label={t('projects.links.coverage.chartLabel', {
        linked: money.short(coverage.linkedEur),
        unlinked: money.short(coverage.unlinkedEur),
      })}
    />
  );
}
