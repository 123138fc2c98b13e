import { describe, expect, it } from 'vitest';
import { diffPlanItems, type DiffableItem } from '../../src/domain/planDiff.ts';
import { isEditable, isPublished, transitionRefusal } from '../../src/domain/planVersion.ts';
import { effectiveMissions } from '../../src/domain/planSections.ts';
import { plainText, sanitiseRichText } from '../../src/domain/richText.ts';

describe('the version workflow', () => {
  it('goes from draft to consultation to adopted', () => {
    expect(transitionRefusal('draft', 'consultation')).toBeNull();
    expect(transitionRefusal('consultation', 'adopted')).toBeNull();
    expect(transitionRefusal('draft', 'adopted')).toBeNull();
  });

  it('can go back from consultation to draft', () => {
    expect(transitionRefusal('consultation', 'draft')).toBeNull();
  });

  it('never reopens an adopted or superseded version', () => {
    expect(transitionRefusal('adopted', 'draft')).toMatch(/cannot become draft/);
    expect(transitionRefusal('superseded', 'adopted')).toMatch(/history/);
  });

  it('supersedes only through the adoption of a newer version', () => {
    expect(transitionRefusal('adopted', 'superseded')).toMatch(/newer version/);
  });

  it('edits drafts and versions in consultation only, and publishes all but drafts', () => {
    expect([
      isEditable('draft'),
      isEditable('consultation'),
      isEditable('adopted'),
      isEditable('superseded'),
    ]).toEqual([true, true, false, false]);
    expect([isPublished('draft'), isPublished('consultation')]).toEqual([false, true]);
  });
});

const item = (key: string, over: Partial<DiffableItem> = {}): DiffableItem => ({
  key,
  kind: 'goal',
  title: `Goal ${key}`,
  parentKey: null,
  sectionCode: '1',
  position: 0,
  fields: { missions: ['M1'], description: '' },
  ...over,
});

describe('the diff between two versions', () => {
  it('finds added and removed items by their stable key', () => {
    const diff = diffPlanItems([item('a'), item('b')], [item('a'), item('c')]);
    expect(diff.added.map((i) => i.key)).toEqual(['c']);
    expect(diff.removed.map((i) => i.key)).toEqual(['b']);
    expect(diff.unchanged).toBe(1);
  });

  it('lists changed fields one by one', () => {
    const diff = diffPlanItems(
      [item('a')],
      [item('a', { title: 'New', fields: { missions: ['M1', 'M2'], description: '' } })],
    );
    expect(diff.changed[0]!.changes).toEqual([
      { field: 'title', from: 'Goal a', to: 'New' },
      { field: 'missions', from: ['M1'], to: ['M1', 'M2'] },
    ]);
  });

  it('treats a reordered list of missions as unchanged', () => {
    const diff = diffPlanItems(
      [item('a', { fields: { missions: ['M2', 'M1'] } })],
      [item('a', { fields: { missions: ['M1', 'M2'] } })],
    );
    expect(diff.changed).toHaveLength(0);
  });

  it('reports a goal moved to another section, not a mere reorder', () => {
    const diff = diffPlanItems(
      [item('a'), item('b', { position: 1 })],
      [item('a', { sectionCode: '2' }), item('b', { position: 0 })],
    );
    expect(diff.moved.map((m) => [m.item.key, m.from.sectionCode, m.to.sectionCode])).toEqual([
      ['a', '1', '2'],
    ]);
    expect(diff.unchanged).toBe(1);
  });
});

describe('missions of an action', () => {
  it('are its own, or its goal missions when it has none', () => {
    expect(effectiveMissions(['M2'], ['M5'])).toEqual(['M2']);
    expect(effectiveMissions([], ['M5'])).toEqual(['M5']);
  });
});

describe('rich text', () => {
  it('keeps structure and drops scripts, handlers and javascript links', () => {
    const html =
      '<h3>Titolo</h3><p onclick="x()">Testo <strong>forte</strong><script>alert(1)</script></p><a href="javascript:alert(1)">link</a><img src=x onerror=alert(1)>';
    expect(sanitiseRichText(html)).toBe(
      '<h3>Titolo</h3><p>Testo <strong>forte</strong></p><a rel="noopener noreferrer" target="_blank">link</a>',
    );
  });

  it('reduces to plain words for search and exports', () => {
    expect(plainText('<p>Una <em>città</em></p><ul><li>spugna</li></ul>')).toBe('Una città spugna');
  });
});

describe('every transition between two statuses', () => {
  const statuses = ['draft', 'consultation', 'adopted', 'superseded'] as const;
  const legal = new Set([
    'draft→consultation',
    'draft→adopted',
    'consultation→draft',
    'consultation→adopted',
  ]);
  for (const from of statuses)
    for (const to of statuses)
      it(`${legal.has(`${from}→${to}`) ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        const refusal = transitionRefusal(from, to);
        if (legal.has(`${from}→${to}`)) expect(refusal).toBeNull();
        else expect(refusal).toEqual(expect.any(String));
      });
});
