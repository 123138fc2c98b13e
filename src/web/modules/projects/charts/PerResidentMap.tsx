import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import {
  choroplethSeries,
  PALETTE,
  tooltipRow,
  useComuneClick,
  useMapShapes,
} from '../../territory/charts/choropleth.ts';
import { echarts } from '../../territory/charts/echartsMap.ts';
import { escapeHtml } from '../../territory/charts/escapeHtml.ts';
import { useChart } from '../../territory/charts/useChart.ts';
import type {
  ComuneFeatureProperties,
  FeatureCollection,
  ZoneFeatureProperties,
} from '../../territory/types.ts';
import { useMoney } from '../money.ts';
import type { ComuneAllocation } from '../types.ts';
import { perResidentBreaks } from './breaks.ts';

interface PerResidentMapProps {
  comuni: FeatureCollection<ComuneFeatureProperties>;
  zones: FeatureCollection<ZoneFeatureProperties> | undefined;
  allocations: ComuneAllocation[];
  zoneNames: Map<string, string>;
  label: string;
  onSelect: (istatCode: string) => void;
}

// Grey for comuni with no project (no money is not "little"); the blues of the home map otherwise.
const NONE = '#f2f2f2';

/**
 * € per resident in each comune, with the zone borders over it: the territory's choropleth
 * (same shapes, layout and SVG rendering) coloured by the PNRR analytics.
 */
export function PerResidentMap({
  comuni,
  zones,
  allocations,
  zoneNames,
  label,
  onSelect,
}: PerResidentMapProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const [ref, chart] = useChart(echarts);
  const { maps, bounds } = useMapShapes('metroplan-pnrr', comuni, zones);
  const breaks = useMemo(() => perResidentBreaks(allocations), [allocations]);

  useEffect(() => {
    if (!chart) return;
    const edges = [0, ...breaks];
    const pieces = [
      { value: 0, label: t('projects.pnrr.map.noProjects'), color: NONE },
      ...edges.map((low, index) => {
        const high = edges[index + 1];
        return {
          gt: low,
          ...(high !== undefined ? { lte: high } : {}),
          label:
            high !== undefined ? `${money.eur(low)} – ${money.eur(high)}` : `> ${money.eur(low)}`,
          color: PALETTE[Math.min(index, PALETTE.length - 1)],
        };
      }),
    ];
    const byCode = new Map(allocations.map((a) => [a.istatCode, a]));
    const data = comuni.features.map(({ properties }) => {
      const allocation = byCode.get(properties.istatCode);
      return {
        name: properties.istatCode,
        value: allocation?.perResident ?? undefined,
        allocation,
      };
    });
    // Drawn a little above the middle, so that on a phone the legend sits below the shapes.
    const layout = { layoutCenter: ['50%', '42%'], layoutSize: '92%', boundingCoords: bounds };

    chart.setOption(
      {
        aria: { enabled: false },
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (params: { data?: { allocation?: ComuneAllocation } }) => {
            const a = params.data?.allocation;
            if (!a) return '';
            return [
              `<div><strong>${escapeHtml(a.name)}</strong></div>`,
              tooltipRow(t('projects.pnrr.perResident'), money.cents(a.perResident)),
              tooltipRow(t('projects.pnrr.allocated'), money.eur(a.eur)),
              tooltipRow(t('projects.pnrr.projectShares'), format.decimal(a.projects, 1)),
              tooltipRow(
                t('comune.zone'),
                (a.zoneId && zoneNames.get(a.zoneId)) || t('comune.noZone'),
              ),
            ].join('');
          },
        },
        visualMap: {
          type: 'piecewise',
          seriesIndex: 0,
          pieces,
          left: 0,
          bottom: 0,
          itemWidth: 16,
          itemHeight: 12,
          itemGap: 6,
          text: [t('projects.pnrr.map.legend'), ''],
          showLabel: true,
          textStyle: { color: '#1a1a1a', fontFamily: 'Titillium Web, sans-serif' },
        },
        series: choroplethSeries(maps, layout, data, zones !== undefined),
      },
      { notMerge: true },
    );
  }, [chart, maps, comuni, zones, allocations, zoneNames, breaks, bounds, money, format, t]);

  useComuneClick(chart, onSelect);

  return (
    <div
      ref={ref}
      className="mp-map mp-pnrr-map"
      data-testid="pnrr-map"
      data-comuni-count={comuni.features.length}
      role="img"
      aria-label={label}
    />
  );
}
