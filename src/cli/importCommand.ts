import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { DomainError, Invalid } from '../domain/errors.ts';
import { systemActor } from '../domain/roles.ts';
import type { Ctx } from '../modules/context.ts';
import {
  detectImportKind,
  importOrder,
  importPnrrFile,
  refuseTooLarge,
  type ImportProgress,
  type ImportReport,
} from '../modules/projects/import/importFile.ts';
import { importFraction } from '../modules/projects/import/progressBoard.ts';

/** A progress bar on a terminal, a line a stage elsewhere (CI logs, pipes). */
function progressPrinter(label: string): ImportProgress {
  const tty = process.stdout.isTTY;
  let shown = -1;
  return (stage, detail, fraction) => {
    const part = importFraction(stage, fraction);
    const percent = Math.round(part * 100);
    if (percent === shown || (!tty && fraction !== undefined)) return;
    shown = percent;
    const done = Math.round(part * 30);
    const bar = `[${'█'.repeat(done)}${'░'.repeat(30 - done)}] ${String(percent).padStart(3)}%`;
    if (tty)
      process.stdout.write(
        `\r${label} ${bar} ${detail.padEnd(60).slice(0, 60)}${stage === 'done' ? '\n' : ''}`,
      );
    else console.log(`${label} ${bar} ${detail}`);
  };
}

function summary(r: ImportReport): string {
  const lines = [
    `  ${r.kind}, ${r.encoding}, release of ${r.releaseDate ?? 'unknown date'}, sha256 ${r.sha256.slice(0, 12)}…`,
    `  rows read ${r.rowsRead} · created ${r.created} · updated ${r.updated} · unchanged ${r.unchanged}` +
      (r.removed ? ` · removed ${r.removed}` : '') +
      (r.absent?.count ? ` · stored before and not in this file ${r.absent.count}` : '') +
      (r.skipped ? ` · outside the territory ${r.skipped}` : '') +
      ` · rejected ${r.rejected}`,
  ];
  for (const row of r.rejectedRows.slice(0, 10))
    lines.push(`  row ${row.row}: ${row.reasons.join('; ')}`);
  if (r.rejected > 10)
    lines.push(
      `  … and ${r.rejected - 10} more rejected rows (see the import report in the admin area)`,
    );
  if (r.unknownColumns.length > 0) lines.push(`  columns ignored: ${r.unknownColumns.join(', ')}`);
  return lines.join('\n');
}

const headBytes = 64 * 1024;

function head(file: string): Uint8Array {
  const buffer = Buffer.alloc(headBytes);
  const fd = openSync(file, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, headBytes, 0));
  } finally {
    closeSync(fd);
  }
}

export async function importFiles(
  ctx: Ctx,
  files: string[],
  scope: 'all' | 'territory',
): Promise<void> {
  // Each file's kind from its first 64 KiB; its bytes are read only when its turn comes, so that
  // three national releases (over a gigabyte together) are not all held at once.
  const loaded = files.map((file) => {
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      return { file, kind: detectImportKind(head(file)) };
    } catch {
      throw Invalid('files', `${file} is not a readable file`, 'unreadableFile', { file });
    }
  });
  const rank = (k: (typeof loaded)[number]['kind']) =>
    k ? importOrder.indexOf(k) : importOrder.length;
  loaded.sort((a, b) => rank(a.kind) - rank(b.kind));
  let failures = 0;
  for (const [i, { file }] of loaded.entries()) {
    const label = `[${i + 1}/${loaded.length}] ${path.basename(file)}`;
    try {
      // A file over the limit is refused without being read.
      refuseTooLarge(statSync(file).size);
      const report = await importPnrrFile(
        ctx,
        systemActor,
        { fileName: path.basename(file), bytes: readFileSync(file), scope },
        progressPrinter(label),
      );
      console.log(summary(report));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failures += 1;
      if (process.stdout.isTTY) process.stdout.write('\n');
      console.error(`${label}: refused, nothing written: ${error.message}`);
    }
  }
  if (failures > 0)
    throw new DomainError('invalid', `${failures} of ${loaded.length} files were refused.`);
}
