import { describe, expect, it } from 'vitest';
import { density, populationBandOf, populationSource } from '../../src/domain/population.ts';
import { geometryAreaKm2 } from '../../src/domain/geoArea.ts';

describe('population bands', () => {
  it('puts 4,999 residents under 5,000 and 5,000 in the next band', () => {
    expect(populationBandOf(4999)).toBe('under-5k');
    expect(populationBandOf(5000)).toBe('5k-15k');
    expect(populationBandOf(14999)).toBe('5k-15k');
    expect(populationBandOf(15000)).toBe('15k-50k');
    expect(populationBandOf(1_412_107)).toBe('over-50k');
  });
});

describe('density', () => {
  it('is residents per km² with one decimal', () => {
    expect(density(1_412_107, 180.88)).toBe(7806.9);
  });

  it('is unknown when population or area is', () => {
    expect(density(null, 10)).toBeNull();
    expect(density(100, 0)).toBeNull();
  });
});

describe('spherical area', () => {
  it('measures a one-degree square at the equator as about 12,364 km²', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(geometryAreaKm2(square)).toBeCloseTo(12364, -1);
  });

  it('subtracts holes', () => {
    const ring = (d: number) => [
      [0, 0],
      [d, 0],
      [d, d],
      [0, d],
      [0, 0],
    ];
    const withHole = { type: 'Polygon', coordinates: [ring(1), ring(0.5)] };
    const full = geometryAreaKm2({ type: 'Polygon', coordinates: [ring(1)] });
    expect(geometryAreaKm2(withHole)).toBeLessThan(full * 0.76);
  });
});

describe('the source of a population, as the comune page shows it', () => {
  it('names the register and the day of the count, not the file it was read from', () => {
    expect(
      populationSource(
        'ANPR (italia/anpr-opendata data/popolazione_residente_export.csv)',
        '2024-01-10',
      ),
    ).toEqual({ register: 'ANPR', day: '2024-01-10' });
    // Not a day: the population's year says when.
    expect(populationSource('ISTAT', 'fine 2023')).toEqual({ register: 'ISTAT', day: null });
  });
});
