import { systemActor, type Actor } from '../../domain/roles.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import * as files from './referenceData.ts';
import * as repo from './repo.ts';
import {
  assembleTaxonomy,
  expectedTotals,
  totalsDiscrepancies,
  type TaxonomySources,
} from './taxonomy.ts';

export interface PnrrTaxonomyLoad {
  /** False when the database already held the taxonomy of these very files: nothing changed. */
  loaded: boolean;
  missions: number;
  components: number;
  measures: number;
  subMeasures: number;
  allocationEur: number;
}

function readSources(): TaxonomySources {
  return {
    framework: files.readFramework(),
    missions: files.readMissionSummaries(),
    components: files.readComponentSummaries(),
    sdgs: files.readSdgs(),
    measureSdgs: files.readMeasureSdgs(),
  };
}

/**
 * Loads the PNRR taxonomy (2025 financial framework, with M7 REPowerEU) and the SDGs with the
 * measure → SDG mapping from the bundled files, in one transaction, checked against the files'
 * totals. Idempotent: a database that already holds the taxonomy of the same files is left as is.
 */
export async function loadPnrrTaxonomy(
  ctx: Ctx,
  actor: Actor = systemActor,
): Promise<PnrrTaxonomyLoad> {
  const fingerprint = files.sourceFingerprint();
  const sources = readSources();
  const expected = expectedTotals(sources);
  const summary = {
    missions: expected.missions,
    components: expected.components,
    measures: expected.measures,
    subMeasures: expected.subMeasures,
    allocationEur: expected.measuresCents / 100,
  };
  if ((await repo.findTaxonomySource(ctx.db))?.sourceFingerprint === fingerprint)
    return { loaded: false, ...summary };

  const taxonomy = assembleTaxonomy(sources);
  const loaded = await ctx.db.transaction(async (tx) => {
    // Two processes starting together on one PostgreSQL server: the second waits, then sees it done.
    await repo.lockTaxonomy(tx);
    if ((await repo.findTaxonomySource(tx))?.sourceFingerprint === fingerprint) return false;
    await repo.writeTaxonomy(tx, taxonomy);
    const problems = totalsDiscrepancies(expected, await repo.loadedTotals(tx));
    // A bundled file that does not add up is a broken release, not a user error: stop loudly.
    if (problems.length > 0)
      throw new Error(`The PNRR taxonomy does not match its files: ${problems.join('; ')}.`);
    await repo.saveTaxonomySource(tx, fingerprint);
    await recordAudit(tx, actor, {
      action: 'pnrr.taxonomy_loaded',
      entityType: 'pnrr_taxonomy',
      entityId: fingerprint.slice(0, 12),
      after: {
        ...summary,
        aliases: taxonomy.aliases.length,
        ambiguousCodes: taxonomy.ambiguousCodes,
        sdgs: taxonomy.sdgs.length,
        measureSdgs: taxonomy.measureSdgs.length,
        unmappedSdgMeasures: taxonomy.unmappedSdgMeasures,
      },
    });
    return true;
  });
  return { loaded, ...summary };
}
