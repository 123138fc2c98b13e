import {
  giniWeighted,
  lorenzCurve,
  shareBelow,
  type LorenzPoint,
} from '../../domain/inequality.ts';
import type { Ctx } from '../context.ts';
import { listComuni, listZones } from '../territory/service.ts';
import * as repo from './repo.ts';

export interface PnrrAnalytics {
  amount: 'pnrr' | 'total';
  totals: {
    allocatedEur: number;
    outsideEur: number;
    projects: number;
    perResident: number | null;
    comuniWithProjects: number;
  };
  comuni: {
    istatCode: string;
    name: string;
    zoneId: string | null;
    population: number | null;
    eur: number;
    projects: number;
    perResident: number | null;
  }[];
  zones: {
    id: string;
    name: string;
    population: number;
    eur: number;
    projects: number;
    perResident: number | null;
    comuniCount: number;
  }[];
  concentration: {
    /** Gini of € per resident across residents (0 = every resident gets the same). */
    gini: number;
    lorenz: LorenzPoint[];
    shareToComuniUnder5k: number;
    shareToComuniUnder15k: number;
    populationShareUnder5k: number;
    populationShareUnder15k: number;
  };
  sources: { fileName: string; kind: string; releaseDate: string | null; sha256: string }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * PNRR money per comune and per zone: each project split among its places (by the release's share,
 * evenly where none is given), never counted in full for each comune.
 */
export async function pnrrAnalytics(
  ctx: Ctx,
  filter: repo.AllocationFilter & { amount?: 'pnrr' | 'total' },
): Promise<PnrrAnalytics> {
  const amount = filter.amount ?? 'pnrr';
  const [places, comuniPage, zones, sources] = await Promise.all([
    repo.allocationByPlace(ctx.db, filter, amount),
    listComuni(ctx, { pageSize: 10_000, sort: 'name' }),
    listZones(ctx),
    repo.releasesUsed(ctx.db),
  ]);
  const allocation = new Map(
    places.map((p) => [p.place, { amount: p.cents / 100, projects: p.projects }]),
  );
  const comuni = comuniPage.items.map((c) => {
    const a = allocation.get(c.istatCode);
    const eur = round2(a?.amount ?? 0);
    return {
      istatCode: c.istatCode,
      name: c.name,
      zoneId: c.zoneId,
      population: c.population,
      eur,
      projects: round2(a?.projects ?? 0),
      perResident: c.population ? round2(eur / c.population) : null,
    };
  });
  const inComuni = new Set(comuni.map((c) => c.istatCode));
  const outsideEur = round2(
    [...allocation].filter(([k]) => !inComuni.has(k)).reduce((s, [, a]) => s + a.amount, 0),
  );
  const allocatedEur = round2(comuni.reduce((s, c) => s + c.eur, 0));
  const population = comuni.reduce((s, c) => s + (c.population ?? 0), 0);
  const withPopulation = comuni.filter((c) => c.population);
  const perResident = withPopulation.map((c) => c.eur / c.population!);
  const weights = withPopulation.map((c) => c.population!);
  const items = withPopulation.map((c) => ({ population: c.population!, amount: c.eur }));
  const residentsUnder = (threshold: number) =>
    population
      ? withPopulation
          .filter((c) => c.population! < threshold)
          .reduce((s, c) => s + c.population!, 0) / population
      : 0;
  return {
    amount,
    totals: {
      allocatedEur,
      outsideEur,
      projects: round2(comuni.reduce((s, c) => s + c.projects, 0)),
      perResident: population ? round2(allocatedEur / population) : null,
      comuniWithProjects: comuni.filter((c) => c.projects > 0).length,
    },
    comuni,
    zones: zones.map((z) => {
      const members = comuni.filter((c) => c.zoneId === z.id);
      const eur = round2(members.reduce((s, c) => s + c.eur, 0));
      return {
        id: z.id,
        name: z.name,
        population: z.population,
        eur,
        projects: round2(members.reduce((s, c) => s + c.projects, 0)),
        perResident: z.population ? round2(eur / z.population) : null,
        comuniCount: members.length,
      };
    }),
    concentration: {
      gini: allocatedEur > 0 ? giniWeighted(perResident, weights) : 0,
      lorenz: allocatedEur > 0 ? lorenzCurve(perResident, weights) : [],
      shareToComuniUnder5k: shareBelow(items, 5000),
      shareToComuniUnder15k: shareBelow(items, 15000),
      populationShareUnder5k: residentsUnder(5000),
      populationShareUnder15k: residentsUnder(15000),
    },
    sources,
  };
}
