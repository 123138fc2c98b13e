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

/**
 * The progress of the uploads the server is importing, for their uploader's page to show: the
 * page names its upload with an id of its own choosing, which is kept per user, so nobody reads
 * (or overwrites) another's. An upload's last state stays a minute after it ends, for the last
 * look; then it is forgotten. Uploads take turns (a few at most), so the board stays small.
 */
export class ProgressBoard {
  private readonly uploads = new Map<string, UploadProgress>();

  constructor(private readonly keepMs = 60_000) {}

  private static key(userId: string, id: string) {
    return `${userId}\u001f${id}`;
  }

  set(userId: string, id: string, progress: UploadProgress): void {
    this.uploads.set(ProgressBoard.key(userId, id), progress);
  }

  get(userId: string, id: string): UploadProgress | null {
    return this.uploads.get(ProgressBoard.key(userId, id)) ?? null;
  }

  /** The upload has ended, one way or the other: its last state stays for a while. */
  close(userId: string, id: string): void {
    const key = ProgressBoard.key(userId, id);
    const last = this.uploads.get(key);
    setTimeout(() => {
      if (this.uploads.get(key) === last) this.uploads.delete(key);
    }, this.keepMs).unref();
  }

  /** A progress callback for `importPnrrFile` that writes on the board. */
  reporter(userId: string, id: string): ImportProgress {
    return (stage, _detail, withinStage) =>
      this.set(userId, id, { stage, fraction: importFraction(stage, withinStage) });
  }
}
