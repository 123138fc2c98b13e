import { and, asc, desc, eq, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { planItems, planVersions, projectActionLinks, projects } from '../../db/schema/index.ts';
import { minSharedWordLength, suggestionStopWords } from '../../domain/suggestionWords.ts';

export interface CandidateAction {
  key: string;
  title: string;
  description: string;
  missions: string[];
  measures: string[];
}

/**
 * Scores every project against every action of a version, in SQL: the same PNRR measure (3),
 * the same mission (1), the metropolitan city as implementer (1), and words in common between
 * titles (0.5 each, Italian stems, listed in the reason as the action writes them). Only pairs
 * that share a measure or a mission are considered. A word counts only as domain/suggestionWords
 * says: four letters or more, no digit, not on the stop-list. The action's side alone is
 * filtered, once per action: what the pair has in common can hold no other word.
 */
export async function scoreCandidates(
  db: Executor,
  actions: CandidateAction[],
  metroName: string,
  minScore: number,
) {
  if (actions.length === 0) return [];
  const payload = JSON.stringify(actions);
  const stopWords = `{${suggestionStopWords(metroName).join(',')}}`;
  const rows = await db.execute(sql`
    with stop as (
      select coalesce(array_agg(s), '{}') as stems
      from unnest(${stopWords}::text[]) w, unnest(tsvector_to_array(to_tsvector('italian', w))) s
    ),
    x as (
      select x.key::uuid as key, x.missions, x.measures,
             x.title || ' ' || regexp_replace(x.description, '<[^>]*>', ' ', 'g') as text
      from jsonb_to_recordset(${payload}::jsonb) as x(key text, title text, description text, missions text[], measures text[])
    ),
    kept as (
      select x.key, lower(t.w) as word, (tsvector_to_array(to_tsvector('italian', t.w)))[1] as stem, t.n
      from x cross join lateral regexp_split_to_table(x.text, '[^[:alnum:]]+') with ordinality as t(w, n)
      where char_length(t.w) >= ${minSharedWordLength} and t.w !~ '[[:digit:]]'
    ),
    -- Each stem with the first word of the action's text it comes from, to say it.
    said as (
      select distinct on (k.key, k.stem) k.key, k.stem, k.word
      from kept k, stop
      where k.stem is not null and k.stem <> all(stop.stems)
      order by k.key, k.stem, k.n
    ),
    a as (
      select x.key, x.missions, x.measures, coalesce(w.words, '{}') as words, w.said
      from x left join (
        select key, array_agg(stem) as words, jsonb_object_agg(stem, word) as said
        from said group by key) w on w.key = x.key
    ),
    pairs as (
      select p.id as project_id, a.key as action_key,
        (p.measure_code = any(a.measures) or p.sub_measure_code = any(a.measures)) as same_measure,
        (p.mission = any(a.missions)) as same_mission,
        (p.implementer ilike ${`%metropolitana di ${metroName}%`}) as metro_implements,
        array(select coalesce(a.said ->> w, w) from unnest(a.words) w where w = any(pw.words) order by 1) as common
      from ${projects} p join a on p.mission = any(a.missions) or p.measure_code = any(a.measures) or p.sub_measure_code = any(a.measures)
      -- The project's stems once per pair, not once per word of the action.
      cross join lateral (select tsvector_to_array(to_tsvector('italian', p.title || ' ' || coalesce(p.summary, ''))) as words) pw
    ),
    counted as (select *, cardinality(common) as common_words from pairs)
    select project_id, action_key,
      (case when same_measure then 3 else 0 end + case when same_mission then 1 else 0 end
       + case when metro_implements then 1 else 0 end + 0.5 * least(common_words, 6))::numeric(6,3) as score,
      array_remove(array[
        case when same_measure then 'measure' end, case when same_mission then 'mission' end,
        case when metro_implements then 'metro-implementer' end,
        -- words:<count>:<the words, comma-separated>; earlier runs stored only words:<count>.
        case when common_words > 0 then 'words:' || common_words || ':' || array_to_string(common, ',') end], null) as reasons
    from counted
    where (case when same_measure then 3 else 0 end + case when same_mission then 1 else 0 end
           + case when metro_implements then 1 else 0 end + 0.5 * least(common_words, 6)) >= ${minScore}`);
  return (
    rows as unknown as {
      rows: { project_id: string; action_key: string; score: string; reasons: string[] }[];
    }
  ).rows.map((r) => ({
    projectId: r.project_id,
    actionKey: r.action_key,
    score: Number(r.score),
    reasons: r.reasons,
  }));
}

/** New suggestions only: a link someone accepted or rejected keeps its decision. */
export async function insertSuggestions(
  db: Executor,
  rows: {
    projectId: string;
    actionKey: string;
    score: number;
    reasons: string[];
    actionTitle: string | null;
  }[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, status: 'suggested' }));
    const done = await db
      .insert(projectActionLinks)
      .values(chunk)
      .onConflictDoUpdate({
        target: [projectActionLinks.projectId, projectActionLinks.actionKey],
        set: {
          score: sql`excluded.score`,
          reasons: sql`excluded.reasons`,
          actionTitle: sql`excluded.action_title`,
        },
        setWhere: eq(projectActionLinks.status, 'suggested'),
      })
      .returning({ inserted: sql<boolean>`xmax = 0` });
    inserted += done.filter((d) => d.inserted).length;
  }
  return inserted;
}

/**
 * The one rule of whether an action exists: some version holds an item of its key (a version the
 * public reads, not only a draft, for `publishedOnly`). An action deleted from a draft is in none.
 */
const actionExists = (actionKey: SQL | AnyColumn, publishedOnly: boolean) =>
  sql`EXISTS (SELECT 1 FROM ${planItems} i JOIN ${planVersions} v ON v.id = i.version_id
    WHERE i.key = ${actionKey}${publishedOnly ? sql` AND v.status <> 'draft'` : sql``})`;

/** The link's action is in a version the public sees (not only in a draft). */
const inPublishedVersion = actionExists(projectActionLinks.actionKey, true);

export interface LinkFilter {
  status?: string;
  actionKey?: string;
  projectId?: string;
}

/**
 * The links, each with the action it names. An action's key survives annual updates: its latest
 * edit names it, in any version for who sees drafts (`publishedOnly` false), in a published one
 * for the others, who are not shown a link whose action only a draft holds.
 */
export async function listLinks(
  db: Executor,
  f: LinkFilter & { publishedOnly: boolean },
  limit: number,
  offset: number,
) {
  const where: SQL | undefined = and(
    f.status ? eq(projectActionLinks.status, f.status) : undefined,
    f.actionKey ? eq(projectActionLinks.actionKey, f.actionKey) : undefined,
    f.projectId ? eq(projectActionLinks.projectId, f.projectId) : undefined,
    f.publishedOnly ? inPublishedVersion : undefined,
  );
  const action = db
    .select({
      title: planItems.title,
      versionId: planItems.versionId,
      orgUnitId: planItems.orgUnitId,
    })
    .from(planItems)
    .innerJoin(planVersions, eq(planVersions.id, planItems.versionId))
    .where(
      and(
        eq(planItems.key, projectActionLinks.actionKey),
        f.publishedOnly ? ne(planVersions.status, 'draft') : undefined,
      ),
    )
    .orderBy(desc(planItems.updatedAt))
    .limit(1)
    .as('action');
  // The page's links first, from the bare rows: the project and the action (a lateral lookup) are
  // then joined for the page only, not for every link an offset skips. The action's key breaks
  // ties, so a project's links of equal score keep their pages.
  const order = [
    desc(projectActionLinks.score),
    asc(projectActionLinks.projectId),
    asc(projectActionLinks.actionKey),
  ];
  const page = db
    .select({ projectId: projectActionLinks.projectId, actionKey: projectActionLinks.actionKey })
    .from(projectActionLinks)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .as('page');
  const rows = await db
    .select({
      link: projectActionLinks,
      projectTitle: projects.title,
      cup: projects.cup,
      fundingPnrr: projects.fundingPnrr,
      // An action gone from every version is read by the title it had when last linked.
      actionTitle: sql<string | null>`coalesce(${action.title}, ${projectActionLinks.actionTitle})`,
      actionVersionId: action.versionId,
      actionOrgUnitId: action.orgUnitId,
    })
    .from(projectActionLinks)
    .innerJoin(
      page,
      and(
        eq(page.projectId, projectActionLinks.projectId),
        eq(page.actionKey, projectActionLinks.actionKey),
      ),
    )
    .innerJoin(projects, eq(projects.id, projectActionLinks.projectId))
    .leftJoinLateral(action, sql`true`)
    .orderBy(...order);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(projectActionLinks)
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** How many projects are accepted for an action, and their PNRR money (each in full). */
export async function acceptedTotals(db: Executor, actionKey: string, publishedOnly: boolean) {
  const [row] = await db
    .select({
      projects: sql<number>`count(*)::int`,
      fundingPnrr: sql<number>`coalesce(sum(${projects.fundingPnrr}), 0)::float8`,
    })
    .from(projectActionLinks)
    .innerJoin(projects, eq(projects.id, projectActionLinks.projectId))
    .where(
      and(
        eq(projectActionLinks.actionKey, actionKey),
        eq(projectActionLinks.status, 'accepted'),
        publishedOnly ? inPublishedVersion : undefined,
      ),
    );
  return { projects: row?.projects ?? 0, fundingPnrr: Number(row?.fundingPnrr ?? 0) };
}

/** A decision on a link; `actionTitle` undefined keeps the title the link has (a vanished action). */
export async function upsertDecision(
  db: Executor,
  values: {
    projectId: string;
    actionKey: string;
    status: string;
    decidedBy: string;
    actionTitle?: string | null;
  },
) {
  const [row] = await db
    .insert(projectActionLinks)
    .values({ ...values, decidedAt: new Date() })
    .onConflictDoUpdate({
      target: [projectActionLinks.projectId, projectActionLinks.actionKey],
      set: {
        status: values.status,
        decidedBy: values.decidedBy,
        decidedAt: new Date(),
        ...(values.actionTitle === undefined ? {} : { actionTitle: values.actionTitle }),
      },
    })
    .returning();
  return row!;
}

/** Whether some version holds an action of this key (a published one, for `publishedOnly`). */
export async function actionInPlan(
  db: Executor,
  actionKey: string,
  publishedOnly: boolean,
): Promise<boolean> {
  const [row] = await db
    .select({ found: sql<boolean>`${actionExists(sql`${actionKey}::uuid`, publishedOnly)}` })
    .from(sql`(select 1) one`);
  return row?.found === true;
}

export async function findLink(db: Executor, projectId: string, actionKey: string) {
  const [row] = await db
    .select()
    .from(projectActionLinks)
    .where(
      and(eq(projectActionLinks.projectId, projectId), eq(projectActionLinks.actionKey, actionKey)),
    );
  return row;
}

/**
 * How many projects, and how much PNRR money, are linked to the plan: by an accepted link to an
 * action the public can read (in a version that is not only a draft), as the public list of links
 * counts them. A link to an action since deleted links nothing.
 */
export async function linkCoverage(db: Executor) {
  const result = await db.execute(sql`
    WITH linked AS (
      SELECT DISTINCT ${projectActionLinks.projectId} AS project_id FROM ${projectActionLinks}
      WHERE ${projectActionLinks.status} = 'accepted' AND ${inPublishedVersion})
    SELECT count(k.project_id)::int AS "linkedProjects",
           (count(*) - count(k.project_id))::int AS "unlinkedProjects",
           coalesce(sum(p.funding_pnrr) FILTER (WHERE k.project_id IS NOT NULL), 0)::float8 AS "linkedEur",
           coalesce(sum(p.funding_pnrr) FILTER (WHERE k.project_id IS NULL), 0)::float8 AS "unlinkedEur"
    FROM ${projects} p LEFT JOIN linked k ON k.project_id = p.id`);
  const [row] = (
    result as unknown as {
      rows: {
        linkedProjects: number;
        unlinkedProjects: number;
        linkedEur: number;
        unlinkedEur: number;
      }[];
    }
  ).rows;
  return {
    linkedProjects: Number(row!.linkedProjects),
    unlinkedProjects: Number(row!.unlinkedProjects),
    linkedEur: Number(row!.linkedEur),
    unlinkedEur: Number(row!.unlinkedEur),
  };
}

/**
 * Funding of the projects accepted for each action; a project linked to n actions counts 1/n in
 * each. The n are the actions that exist: in a version the public reads (`publishedOnly`, for a
 * published version's matrix) or in any version; an action since deleted is none of them.
 */
export async function fundingByAction(
  db: Executor,
  actionKeys: string[],
  publishedOnly: boolean,
): Promise<Map<string, number>> {
  if (actionKeys.length === 0) return new Map();
  const rows = await db.execute(sql`
    select l.action_key, sum(coalesce(p.funding_total, p.funding_pnrr, 0) / n.links)::float8 as eur
    from ${projectActionLinks} l
    join ${projects} p on p.id = l.project_id
    join (select project_id, count(*) as links from ${projectActionLinks} k
          where status = 'accepted' and ${actionExists(sql`k.action_key`, publishedOnly)}
          group by project_id) n on n.project_id = l.project_id
    where l.status = 'accepted' and l.action_key = any(${`{${actionKeys.join(',')}}`}::uuid[])
    group by l.action_key`);
  return new Map(
    (rows as unknown as { rows: { action_key: string; eur: number }[] }).rows.map((r) => [
      r.action_key,
      Number(r.eur),
    ]),
  );
}

/** Bumped by every decision: caches of answers that show linked funding key on it. */
export async function linksRevision(db: Executor): Promise<string> {
  const [row] = await db
    .select({
      r: sql<string>`count(*)::text || ':' || coalesce(max(${projectActionLinks.decidedAt})::text, '')`,
    })
    .from(projectActionLinks);
  return row?.r ?? '';
}
