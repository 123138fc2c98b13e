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
    board.reporter('ada', 'upload-1')('reading', 'reading rows', 0.5);
    expect(board.get('ada', 'upload-1')).toMatchObject({ stage: 'reading' });
    expect(board.get('ada', 'upload-1')!.fraction).toBeCloseTo(0.45);
    expect(board.get('bruno', 'upload-1')).toBeNull();
    board.close('ada', 'upload-1');
    expect(board.get('ada', 'upload-1')).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(board.get('ada', 'upload-1')).toBeNull();
  });
});
