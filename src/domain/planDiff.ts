/**
 * Differences between two versions of a plan, item by item. Items keep a stable key across
 * versions (an annual update copies them), so "the same goal" is the same key in both.
 */
export interface DiffableItem {
  key: string;
  kind: string;
  title: string;
  parentKey: string | null;
  sectionCode: string | null;
  position: number;
  fields: Record<string, unknown>;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface PlanDiff {
  added: DiffableItem[];
  removed: DiffableItem[];
  moved: { item: DiffableItem; from: Placement; to: Placement }[];
  changed: { item: DiffableItem; changes: FieldChange[] }[];
  unchanged: number;
}

export interface Placement {
  parentKey: string | null;
  sectionCode: string | null;
  position: number;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return (
      a.length === b.length &&
      [...a].map(String).sort().join('\u0000') === [...b].map(String).sort().join('\u0000')
    );
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

const placementOf = (i: DiffableItem): Placement => ({
  parentKey: i.parentKey,
  sectionCode: i.sectionCode,
  position: i.position,
});

/**
 * An item moved when it changed place: another goal for an action, another section for a goal.
 * A new order among the same siblings is not reported, or every sibling would look moved.
 */
function moved(a: DiffableItem, b: DiffableItem): boolean {
  return a.parentKey !== b.parentKey || a.sectionCode !== b.sectionCode;
}

export function diffPlanItems(
  from: readonly DiffableItem[],
  to: readonly DiffableItem[],
): PlanDiff {
  const before = new Map(from.map((i) => [i.key, i]));
  const after = new Map(to.map((i) => [i.key, i]));
  const result: PlanDiff = { added: [], removed: [], moved: [], changed: [], unchanged: 0 };
  for (const item of to) if (!before.has(item.key)) result.added.push(item);
  for (const item of from) if (!after.has(item.key)) result.removed.push(item);
  for (const item of to) {
    const old = before.get(item.key);
    if (!old) continue;
    const changes: FieldChange[] = [];
    if (old.title !== item.title) changes.push({ field: 'title', from: old.title, to: item.title });
    const fields = new Set([...Object.keys(old.fields), ...Object.keys(item.fields)]);
    for (const field of [...fields].sort()) {
      if (!same(old.fields[field], item.fields[field]))
        changes.push({ field, from: old.fields[field] ?? null, to: item.fields[field] ?? null });
    }
    const wasMoved = moved(old, item);
    if (wasMoved) result.moved.push({ item, from: placementOf(old), to: placementOf(item) });
    if (changes.length > 0) result.changed.push({ item, changes });
    if (!wasMoved && changes.length === 0) result.unchanged += 1;
  }
  return result;
}
