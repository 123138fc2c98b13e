import { useEffect, useMemo } from 'react';
import type { ECharts } from 'echarts/core';
import type {
  ComuneFeatureProperties,
  FeatureCollection,
  ZoneFeatureProperties,
} from '../types.ts';
import { echarts } from './echartsMap.ts';
import { escapeHtml } from './escapeHtml.ts';

/**
 * What the choropleths of the comuni share (the home map, PNRR € per resident): the shapes
 * registered once per map, the layer of comuni with the zone borders over it, a tooltip row, and
 * a click that opens a comune.
 */

// Sequential blues, light to dark: readable on white and distinguishable without hue.
export const PALETTE = ['#deebf7', '#9ecae1', '#4292c6', '#2166ac', '#08306b'];

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

/** Registers the shapes under names of their own (`<name>-comuni`, `<name>-zones`). */
export function useMapShapes(
  name: string,
  comuni: FeatureCollection<ComuneFeatureProperties>,
  zones: FeatureCollection<ZoneFeatureProperties> | undefined,
) {
  const maps = useMemo(() => ({ comuni: `${name}-comuni`, zones: `${name}-zones` }), [name]);
  const bounds = useMemo(() => boundsOf(comuni), [comuni]);
  useEffect(() => {
    echarts.registerMap(maps.comuni, comuni as unknown as GeoJsonInput);
  }, [maps, comuni]);
  useEffect(() => {
    // A zone without comuni has no outline to draw.
    if (zones) {
      const drawable = { ...zones, features: zones.features.filter((f) => f.geometry) };
      echarts.registerMap(maps.zones, drawable as unknown as GeoJsonInput);
    }
  }, [maps, zones]);
  return { maps, bounds };
}

export const tooltipRow = (name: string, value: string) =>
  `<div>${escapeHtml(name)}: <strong>${escapeHtml(value)}</strong></div>`;

/** The comuni coloured by `data` (series 0), and the zone borders over them when there are zones. */
export function choroplethSeries(
  maps: { comuni: string; zones: string },
  layout: Record<string, unknown>,
  data: { name: string; value: number | undefined }[],
  withZones: boolean,
) {
  return [
    {
      type: 'map',
      map: maps.comuni,
      nameProperty: 'istatCode',
      roam: false,
      ...layout,
      z: 2,
      data,
      itemStyle: { borderColor: '#ffffff', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffb300' } },
      select: { disabled: true },
    },
    ...(withZones
      ? [
          {
            type: 'map',
            map: maps.zones,
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
  ];
}

/** A click on a comune's shape calls `onSelect` with its ISTAT code. */
export function useComuneClick(chart: ECharts | null, onSelect: (istatCode: string) => void) {
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
}
