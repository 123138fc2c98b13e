import { createHash } from 'node:crypto';
import { Forbidden, Invalid, NotFound, Unauthenticated } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import { recordAudit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { canManageVersions } from './policy.ts';
import { presentAct, type ActView } from './presenters.ts';
import * as repo from './repo.ts';
import { visibleVersion, type ActInput } from './versions.ts';

export const maxDocumentBytes = 20 * 1024 * 1024;

/**
 * Acts are recorded by the plan office. The document route asks this before reading the body, so
 * that nobody else can make the server hold 20 MB only to be told no.
 */
export function requirePlanOffice(actor: Actor) {
  if (!actor.user) throw Unauthenticated();
  if (!canManageVersions(actor.user)) throw Forbidden('Only the plan office records acts.');
  return actor.user;
}

/** An act about a version that does not change its status: a Conferenza opinion, an approval. */
export async function recordAct(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  input: ActInput & { certain?: boolean; source?: string | null },
): Promise<ActView> {
  requirePlanOffice(actor);
  await visibleVersion(ctx, actor, versionId);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertAct(tx, {
      ...input,
      planVersionId: versionId,
      certain: input.certain ?? true,
    });
    const view = presentAct(row);
    await recordAudit(tx, actor, {
      action: 'act.recorded',
      entityType: 'act',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

/** A PDF is recognised by its bytes, not by its name or the content-type a client claims. */
function isPdf(content: Buffer): boolean {
  return (
    content.subarray(0, 5).toString('latin1') === '%PDF-' &&
    content.includes('%%EOF', Math.max(0, content.length - 2048))
  );
}

export async function attachActDocument(
  ctx: Ctx,
  actor: Actor,
  actId: string,
  input: { filename: string; content: Buffer },
): Promise<ActView> {
  const user = requirePlanOffice(actor);
  const act = await repo.findAct(ctx.db, actId);
  if (!act) throw NotFound('Act', actId);
  if (input.content.length === 0) throw Invalid('body', 'the document is empty', 'documentEmpty');
  if (input.content.length > maxDocumentBytes)
    throw Invalid(
      'body',
      `the document is larger than ${maxDocumentBytes / 1024 / 1024} MB`,
      'documentTooLarge',
      { megabytes: maxDocumentBytes / 1024 / 1024 },
    );
  if (!isPdf(input.content))
    throw Invalid(
      'body',
      'the document is not a PDF file (its content does not start with %PDF- and end with %%EOF)',
      'notPdf',
    );
  // NFC first: a name typed on a Mac arrives decomposed (e + U+0301), and the accent is no letter.
  // The cut counts characters, so it cannot split a character outside the BMP in two.
  const filename =
    Array.from(input.filename.normalize('NFC').replace(/[^\p{L}\p{N}._ -]/gu, '_'))
      .slice(0, 120)
      .join('') || 'atto.pdf';
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  await ctx.db.transaction(async (tx) => {
    await repo.upsertActDocument(tx, {
      actId,
      filename,
      contentType: 'application/pdf',
      size: input.content.length,
      sha256,
      content: input.content,
      uploadedBy: user.id,
    });
    await recordAudit(tx, actor, {
      action: 'act.document_attached',
      entityType: 'act',
      entityId: actId,
      after: { filename, size: input.content.length, sha256 },
    });
  });
  return { ...presentAct(act), hasDocument: true };
}

export async function actDocument(ctx: Ctx, actor: Actor, actId: string) {
  const act = await repo.findAct(ctx.db, actId);
  if (!act || !act.planVersionId) throw NotFound('Act', actId);
  await visibleVersion(ctx, actor, act.planVersionId);
  const document = await repo.findActDocument(ctx.db, actId);
  if (!document) throw NotFound('Document of act', actId);
  return document;
}
