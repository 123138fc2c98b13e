import type { ImportProgress } from './importFile.ts';

type ImportStage = Parameters<ImportProgress>[0];

/** Where an upload is: in line for its turn, its bytes arriving, then the import's own stages. */
export type UploadStage = 'waiting' | 'receiving' | ImportStage;

// The part of the whole each stage fills: reading and copying the rows is most of an import.
const spans: Record<ImportStage, readonly [number, number]> = {
  checking: [0, 0.05],
  reading: [0.05, 0.85],
  comparing: [0.85, 0.98],
  done: [1, 1],
};

/** How far an import is, 0 to 1, from its stage and how far through that stage. */
export function importFraction(stage: ImportStage, withinStage = 0): number {
  const [from, to] = spans[stage];
  return from + (to - from) * withinStage;
}

export interface UploadProgress {
  stage: UploadStage;
  /** How far the import is, 0 to 1 (0 until the bytes have all arrived). */
  fraction: number;
}

/** One upload on the board: what its import reports, until it is closed. */
export interface UploadEntry {
  set(progress: UploadProgress): void;
  /** The upload has ended, one way or the other: its last state stays `keepMs`, then goes. */
  close(keepMs?: number): void;
}

/**
 * The progress of the uploads the server is importing, for their uploader's page to show: the
 * page names its upload with an id of its own choosing, which is kept per owner (the session that
 * sent it, `sessionKeyOf`), so nobody reads (or overwrites) another's. An upload's last state stays a minute after it ends, for the last
 * look; then it is forgotten, and what its import still reports (a client that hung up does not
 * stop the import) writes nowhere. Uploads take turns (a few at most), so the board stays small.
 */
export class ProgressBoard {
  private readonly uploads = new Map<string, { progress: UploadProgress }>();

  constructor(private readonly keepMs = 60_000) {}

  private static key(owner: string, id: string) {
    return `${owner}\u001f${id}`;
  }

  /** Puts an upload on the board, waiting for its turn. */
  open(owner: string, id: string): UploadEntry {
    const key = ProgressBoard.key(owner, id);
    const entry = { progress: { stage: 'waiting', fraction: 0 } as UploadProgress };
    this.uploads.set(key, entry);
    const set = (progress: UploadProgress) => {
      entry.progress = progress;
    };
    return {
      set,
      close: (keepMs = this.keepMs) => {
        const forget = () => {
          // A newer upload under the same id is not this one's to forget.
          if (this.uploads.get(key) === entry) this.uploads.delete(key);
        };
        if (keepMs === 0) forget();
        else setTimeout(forget, keepMs).unref();
      },
    };
  }

  /** The reporter of the upload now under this id (one that writes nowhere if there is none). */
  reporterOf(owner: string, id: string): ImportProgress {
    const entry = this.uploads.get(ProgressBoard.key(owner, id));
    return reporterTo((progress) => {
      if (entry) entry.progress = progress;
    });
  }

  get(owner: string, id: string): UploadProgress | null {
    return this.uploads.get(ProgressBoard.key(owner, id))?.progress ?? null;
  }

  /** How many uploads are on the board (for tests). */
  get size(): number {
    return this.uploads.size;
  }
}

/** A progress callback for `importPnrrFile` that writes with `set`, as a fraction of the whole. */
function reporterTo(set: (progress: UploadProgress) => void): ImportProgress {
  return (stage, _detail, withinStage) =>
    set({ stage, fraction: importFraction(stage, withinStage) });
}
