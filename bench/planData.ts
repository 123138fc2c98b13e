// Builds the plan the plan benchmark reads: 50 goals × 20 actions, five versions (four annual
// updates, each changing a tenth of the actions), in a data directory the server then opens.
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/domain/roles.ts';
import { openMigrated, prepareDeployment } from '../src/cli/runtime.ts';
import * as repo from '../src/modules/plan/repo.ts';
import { createPlan, startAnnualUpdate, transitionVersion } from '../src/modules/plan/versions.ts';

const missions = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'];

export async function buildBenchPlan(
  dataDir: string,
): Promise<{ planId: string; versionIds: string[] }> {
  const config = loadConfig({ ...process.env, METROPLAN_DATA: dataDir, DATABASE_URL: '' });
  const handle = await openMigrated(config);
  const ctx = { db: handle.db };
  try {
    await prepareDeployment(ctx, { ...config, adminPassword: 'bench-admin-password' });
    const plan = await createPlan(ctx, systemActor, {
      slug: 'bench-plan',
      title: 'Piano di prova',
      periodStart: 2025,
      periodEnd: 2027,
    });
    let versionId = plan.versions[0]!.id;
    const rows: repo.NewItemRow[] = [];
    for (let g = 0; g < 50; g++) {
      const key = randomUUID();
      const section = String((g % 3) + 1);
      rows.push({
        versionId,
        key,
        kind: 'goal',
        sectionCode: section,
        code: `${section}.${g}`,
        title: `Obiettivo ${g} per la mobilità sostenibile e la scuola`,
        description: `<p>Descrizione dell'obiettivo ${g}: servizi ai comuni, ambiente, inclusione.</p>`,
        position: g,
        missions: [missions[g % 6]!],
        sdgs: [(g % 17) + 1],
      });
      for (let a = 0; a < 20; a++)
        rows.push({
          versionId,
          kind: 'action',
          parentKey: key,
          sectionCode: section,
          code: `${section}.${g}.${a}`,
          title: `Azione ${a} dell'obiettivo ${g}`,
          description: `<p>Interventi ${a} sul territorio: ciclabili, scuole, acque.</p>`,
          position: a,
          missions: a % 4 === 0 ? [missions[a % 6]!] : [],
          scopeKind: a % 3 === 0 ? 'zones' : 'metro',
          scopeZones: a % 3 === 0 ? ['sud-est'] : [],
        });
    }
    await repo.insertItems(handle.db, rows);
    const versionIds = [versionId];
    for (let v = 1; v < 5; v++) {
      const current = await repo.findVersion(handle.db, versionId);
      await transitionVersion(ctx, systemActor, versionId, {
        to: 'adopted',
        version: current!.version,
        act: {
          body: 'consiglio',
          kind: 'delibera',
          number: `${v}/2025`,
          date: '2025-03-01',
          title: 'Adozione',
        },
      });
      const next = await startAnnualUpdate(ctx, systemActor, plan.id, {
        label: `Aggiornamento ${v}`,
      });
      versionId = next.id;
      versionIds.push(versionId);
      const items = (await repo.listItems(handle.db, versionId)).filter((i) => i.kind === 'action');
      for (const item of items.filter((_, i) => i % 10 === v))
        await repo.updateItemAt(handle.db, versionId, item.key, item.rowVersion, {
          title: `${item.title} (rivista ${v})`,
          missions: ['M2'],
        });
      await repo.touchVersion(handle.db, versionId);
    }
    const last = await repo.findVersion(handle.db, versionId);
    await transitionVersion(ctx, systemActor, versionId, {
      to: 'consultation',
      version: last!.version,
    });
    return { planId: plan.id, versionIds };
  } finally {
    await handle.close();
  }
}
