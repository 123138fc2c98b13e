import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planSections } from '../../domain/planSections.ts';
import { systemActor, type Actor } from '../../domain/roles.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import * as repo from './repo.ts';
import { exampleGoals, milanEditions } from './seedData.ts';

const source = fileURLToPath(
  new URL('../../../reference-data/cmm/psttm_milano.json', import.meta.url),
);

interface Edition {
  period: string;
  title?: string;
  pillars?: string[];
  pillar_definitions?: Record<string, string>;
  drivers?: { name: string; description: string | null }[];
  known_actions?: { items: KnownAction[] };
  source?: string;
}

interface KnownAction {
  title: string;
  amount_eur?: number;
  mission: string;
  measure?: string;
  theme_driver?: string;
  source: string;
}

function readEditions(): Edition[] {
  return (JSON.parse(readFileSync(source, 'utf8')) as { editions: Edition[] }).editions;
}

function knownActionFor(title: string, known: KnownAction[]): KnownAction | undefined {
  return known.find(
    (k) =>
      k.title.toLowerCase().startsWith(title.toLowerCase()) ||
      k.title.toLowerCase().includes(title.toLowerCase()),
  );
}

async function seedContent(
  tx: Executor,
  versionId: string,
  edition: Edition | undefined,
  withExamples: boolean,
) {
  const rows: repo.NewItemRow[] = planSections.map((s, i) => ({
    versionId,
    kind: 'section',
    sectionCode: s.code,
    code: s.code,
    title: s.title,
    position: i,
  }));
  const pillarKey = new Map<string, string>();
  for (const [i, name] of (edition?.pillars ?? []).entries()) {
    const key = crypto.randomUUID();
    pillarKey.set(name, key);
    const definition = edition?.pillar_definitions?.[name];
    rows.push({
      versionId,
      key,
      kind: 'pillar',
      title: name,
      description: definition ? `<p>${definition}</p>` : '',
      position: i,
      source: edition?.source ?? null,
    });
  }
  const driverKey = new Map<string, string>();
  for (const [i, d] of (edition?.drivers ?? []).entries()) {
    const key = crypto.randomUUID();
    driverKey.set(d.name, key);
    rows.push({
      versionId,
      key,
      kind: 'driver',
      title: d.name,
      description: d.description ? `<p>${d.description}</p>` : '',
      position: i,
      source: edition?.source ?? null,
    });
  }
  if (withExamples) {
    const known = edition?.known_actions?.items ?? [];
    const positions = new Map<string, number>();
    for (const goal of exampleGoals) {
      const key = crypto.randomUUID();
      const position = positions.get(goal.section) ?? 0;
      positions.set(goal.section, position + 1);
      rows.push({
        versionId,
        key,
        kind: 'goal',
        sectionCode: goal.section,
        code: `${goal.section}.${position + 1}`,
        title: goal.title,
        description: '<p>Obiettivo di esempio: il testo del Piano non era disponibile.</p>',
        position,
        missions: goal.missions,
        sdgs: goal.sdgs,
        linkedPlans: goal.linkedPlans,
        pillarKeys: goal.pillars
          .map((p) => pillarKey.get(p))
          .filter((k): k is string => k !== undefined),
        driverKeys: goal.drivers
          .map((d) => driverKey.get(d))
          .filter((k): k is string => k !== undefined),
        isExample: true,
      });
      for (const [i, title] of goal.actions.entries()) {
        const k = knownActionFor(title, known);
        rows.push({
          versionId,
          kind: 'action',
          parentKey: key,
          sectionCode: goal.section,
          code: `${goal.section}.${position + 1}.${i + 1}`,
          title: k?.title ?? title,
          description: k?.amount_eur
            ? `<p>Programma reale di Città metropolitana di Milano, ${k.amount_eur.toLocaleString('it-IT')} €. Collocazione nel Piano di esempio (per tema).</p>`
            : '<p>Programma reale di Città metropolitana di Milano. Collocazione nel Piano di esempio (per tema).</p>',
          position: i,
          missions: k ? [k.mission] : [],
          measures: k?.measure ? [k.measure] : [],
          driverKeys:
            k?.theme_driver && driverKey.has(k.theme_driver)
              ? [driverKey.get(k.theme_driver)!]
              : [],
          periodStart: 2022,
          periodEnd: 2026,
          isExample: true,
          source: k?.source ?? null,
        });
      }
    }
  }
  await repo.insertItems(tx, rows);
}

/** The Milan plans from the bundled facts; idempotent: nothing happens when plans exist. */
export async function seedMilanPlan(
  ctx: Ctx,
  actor: Actor = systemActor,
): Promise<{ created: boolean; plans: number }> {
  if ((await repo.listPlans(ctx.db)).length > 0) return { created: false, plans: 0 };
  const editions = readEditions();
  await ctx.db.transaction(async (tx) => {
    for (const seed of milanEditions) {
      const edition = editions.find((e) => e.period.startsWith(`${seed.periodStart}-`));
      const plan = await repo.insertPlan(tx, {
        slug: seed.slug,
        title: seed.title,
        subtitle: seed.subtitle,
        periodStart: seed.periodStart,
        periodEnd: seed.periodEnd,
        notes: seed.notes,
      });
      const lastStep = seed.steps[seed.steps.length - 1]!;
      const version = await repo.insertVersion(tx, {
        planId: plan.id,
        number: 1,
        label: seed.label,
        status: seed.status,
        statusChangedAt: new Date(lastStep.at),
      });
      const acts = [];
      for (const act of seed.acts)
        acts.push(await repo.insertAct(tx, { ...act, planVersionId: version.id }));
      for (const step of seed.steps)
        await repo.insertTransition(tx, {
          planVersionId: version.id,
          fromStatus: step.from,
          toStatus: step.to,
          at: new Date(step.at),
          actorLabel: 'Dati di riferimento (psttm_milano.json)',
          actId: step.act !== undefined ? acts[step.act]!.id : null,
          note: step.note,
        });
      await seedContent(tx, version.id, edition, seed.slug === 'psttm-2022-2024');
      await recordAudit(tx, actor, {
        action: 'plan.seeded',
        entityType: 'plan',
        entityId: plan.id,
        after: { slug: seed.slug },
      });
    }
  });
  return { created: true, plans: milanEditions.length };
}

/** Removes every example goal and action, in every version: one command once the real plan is in. */
export async function removeExamples(
  ctx: Ctx,
  actor: Actor = systemActor,
): Promise<{ removed: number }> {
  const examples = await repo.listExampleItems(ctx.db);
  if (examples.length === 0) return { removed: 0 };
  await ctx.db.transaction(async (tx) => {
    await repo.deleteItemsById(
      tx,
      examples.map((e) => e.id),
    );
    // Cached trees of these versions must not outlive the deletion.
    for (const versionId of new Set(examples.map((e) => e.versionId)))
      await repo.touchVersion(tx, versionId);
    await recordAudit(tx, actor, {
      action: 'plan.examples_removed',
      entityType: 'plan',
      entityId: 'all',
      before: { items: examples.map((e) => ({ key: e.key, kind: e.kind, title: e.title })) },
    });
  });
  return { removed: examples.length };
}
