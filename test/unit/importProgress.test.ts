import { describe, expect, it } from 'vitest';
import { importFraction, ProgressBoard } from '../../src/modules/projects/import/progressBoard.ts';

describe('the progress of an import', () => {
  it('fills most of the bar while the rows are read', () => {
    expect(importFraction('checking')).toBe(0);
    expect(importFraction('reading', 0.5)).toBeCloseTo(0.45);
    expect(importFraction('comparing')).toBeCloseTo(0.85);
    expect(importFraction('done')).toBe(1);
  });

  it('keeps each upload for the user who sent it, and forgets it a while after it ends', async () => {
    const board = new ProgressBoard(10);
    const upload = board.open('ada', 'upload-1');
    expect(board.get('ada', 'upload-1')).toEqual({ stage: 'waiting', fraction: 0 });
    const report = board.reporterOf('ada', 'upload-1');
    report('reading', 'reading rows', 0.5);
    expect(board.get('ada', 'upload-1')).toMatchObject({ stage: 'reading' });
    expect(board.get('ada', 'upload-1')!.fraction).toBeCloseTo(0.45);
    expect(board.get('bruno', 'upload-1')).toBeNull();
    upload.close();
    expect(board.get('ada', 'upload-1')).not.toBeNull();
    // The import goes on after its client hung up: what it reports then keeps nothing alive.
    report('comparing', 'comparing');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(board.get('ada', 'upload-1')).toBeNull();
    report('done', 'done');
    expect(board.size).toBe(0);
  });

  it('forgets a refused upload at once, and not a newer one under the same id', async () => {
    const board = new ProgressBoard(10);
    const first = board.open('ada', 'upload-1');
    first.close(0);
    expect(board.size).toBe(0);
    const older = board.open('ada', 'upload-2');
    older.close();
    const newer = board.open('ada', 'upload-2');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(board.get('ada', 'upload-2')).toEqual({ stage: 'waiting', fraction: 0 });
    newer.close(0);
    expect(board.size).toBe(0);
  });
});
