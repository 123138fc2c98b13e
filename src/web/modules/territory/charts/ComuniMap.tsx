import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import type {
  ComuneFeatureProperties,
  FeatureCollection,
  ZoneFeatureProperties,
} from '../types.ts';
import { echarts } from './echartsMap.ts';
import {
  choroplethSeries,
  PALETTE,
  tooltipRow,
  useComuneClick,
  useMapShapes,
} from './choropleth.ts';
import { escapeHtml } from './escapeHtml.ts';
import { useChart } from './useChart.ts';

export type MapMetric = 'population' | 'density';

interface ComuniMapProps {
  comuni: FeatureCollection<ComuneFeatureProperties>;
  zones: FeatureCollection<ZoneFeatureProperties> | undefined;
  metric: MapMetric;
  label: string;
  onSelect: (istatCode: string) => void;
}

const BREAKS: Record<MapMetric, number[]> = {
  population: [5000, 15000, 50000, 200000],
  density: [500, 1000, 2000, 4000],
};

/**
 * Choropleth of the comuni with the zone borders drawn over them. Rendered as SVG, so the map is
 * light, crisp at any zoom and countable by tests (`data-comuni-count`).
 */
export function ComuniMap({ comuni, zones, metric, label, onSelect }: ComuniMapProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [ref, chart] = useChart(echarts);
  const { maps, bounds } = useMapShapes('metroplan', comuni, zones);

  useEffect(() => {
    if (!chart) return;
    const breaks = BREAKS[metric];
    const pieces = [
      { lt: breaks[0], label: `< ${format.integer(breaks[0])}` },
      ...breaks.slice(0, -1).map((low, index) => ({
        gte: low,
        lt: breaks[index + 1],
        label: `${format.integer(low)} – ${format.integer(breaks[index + 1])}`,
      })),
      { gte: breaks[breaks.length - 1], label: `≥ ${format.integer(breaks[breaks.length - 1])}` },
    ].map((piece, index) => ({ ...piece, color: PALETTE[index] }));

    const layout = { layoutCenter: ['50%', '50%'], layoutSize: '100%', boundingCoords: bounds };
    const data = comuni.features.map(({ properties }) => ({
      name: properties.istatCode,
      value: properties[metric] ?? undefined,
      comune: properties,
    }));

    chart.setOption(
      {
        aria: { enabled: false },
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (params: { data?: { comune?: ComuneFeatureProperties } }) => {
            const comune = params.data?.comune;
            if (!comune) return '';
            return [
              `<div><strong>${escapeHtml(comune.name)}</strong></div>`,
              tooltipRow(t('comune.population'), format.integer(comune.population)),
              tooltipRow(
                t('comune.density'),
                `${format.integer(comune.density)} ${t('units.perKm2')}`,
              ),
              tooltipRow(t('comune.zone'), comune.zoneName ?? t('comune.noZone')),
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
          text: [t(`home.metric.${metric}Unit`), ''],
          showLabel: true,
          textStyle: { color: '#1a1a1a', fontFamily: 'Titillium Web, sans-serif' },
        },
        series: choroplethSeries(maps, layout, data, zones !== undefined),
      },
      { notMerge: true },
    );
  }, [chart, maps, comuni, zones, metric, bounds, format, t]);

  useComuneClick(chart, onSelect);

  return (
    <div
      ref={ref}
      className="mp-map"
      data-testid="comuni-map"
      data-comuni-count={comuni.features.length}
      role="img"
      aria-label={label}
    />
  );
}
