import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import type {
  ComuneFeatureProperties,
  FeatureCollection,
  ZoneFeatureProperties,
} from '../types.ts';
import { echarts } from './echartsMap.ts';
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

const COMUNI_MAP = 'metroplan-comuni';
const ZONES_MAP = 'metroplan-zones';
// Sequential blues, light to dark: readable on white and distinguishable without hue.
const PALETTE = ['#deebf7', '#9ecae1', '#4292c6', '#2166ac', '#08306b'];
const BREAKS: Record<MapMetric, number[]> = {
  population: [5000, 15000, 50000, 200000],
  density: [500, 1000, 2000, 4000],
};

export type Bounds = [[number, number], [number, number]];

/** [[west, north], [east, south]] of every coordinate: both layers are laid out on it. */
export function boundsOf(collection: FeatureCollection<unknown>): Bounds | undefined {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      west = Math.min(west, value[0]);
      east = Math.max(east, value[0]);
      south = Math.min(south, value[1]);
      north = Math.max(north, value[1]);
      return;
    }
    value.forEach(visit);
  };
  collection.features.forEach((feature) => visit(feature.geometry?.coordinates));
  return Number.isFinite(west)
    ? [
        [west, north],
        [east, south],
      ]
    : undefined;
}

type GeoJsonInput = Parameters<typeof echarts.registerMap>[1];

/**
 * Choropleth of the comuni with the zone borders drawn over them. Rendered as SVG, so the map is
 * light, crisp at any zoom and countable by tests (`data-comuni-count`).
 */
export function ComuniMap({ comuni, zones, metric, label, onSelect }: ComuniMapProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [ref, chart] = useChart(echarts);
  const bounds = useMemo(() => boundsOf(comuni), [comuni]);

  useEffect(() => {
    echarts.registerMap(COMUNI_MAP, comuni as unknown as GeoJsonInput);
  }, [comuni]);

  useEffect(() => {
    // A zone without comuni has no outline to draw.
    if (zones) {
      const drawable = { ...zones, features: zones.features.filter((f) => f.geometry) };
      echarts.registerMap(ZONES_MAP, drawable as unknown as GeoJsonInput);
    }
  }, [zones]);

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
    const tooltipRow = (name: string, value: string) =>
      `<div>${escapeHtml(name)}: <strong>${escapeHtml(value)}</strong></div>`;

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
        series: [
          {
            type: 'map',
            map: COMUNI_MAP,
            nameProperty: 'istatCode',
            roam: false,
            ...layout,
            z: 2,
            data,
            itemStyle: { borderColor: '#ffffff', borderWidth: 0.5 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffb300' } },
            select: { disabled: true },
          },
          ...(zones
            ? [
                {
                  type: 'map',
                  map: ZONES_MAP,
                  nameProperty: 'id',
                  roam: false,
                  ...layout,
                  z: 3,
                  silent: true,
                  tooltip: { show: false },
                  itemStyle: { areaColor: 'transparent', borderColor: '#1a1a1a', borderWidth: 1.6 },
                  emphasis: { disabled: true },
                  select: { disabled: true },
                  label: { show: false },
                },
              ]
            : []),
        ],
      },
      { notMerge: true },
    );
  }, [chart, comuni, zones, metric, bounds, format, t]);

  useEffect(() => {
    if (!chart) return;
    const onClick = (params: { seriesIndex?: number; name?: string }) => {
      if (params.seriesIndex === 0 && params.name) onSelect(params.name);
    };
    chart.on('click', onClick);
    return () => {
      // The chart hook may have disposed the instance first (its effect was declared first).
      if (!chart.isDisposed()) chart.off('click', onClick);
    };
  }, [chart, onSelect]);

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
