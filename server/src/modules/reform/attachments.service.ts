import { ATTACHMENT_MAX_BYTES, type Attachment, type UploadedFile } from '@changai/contracts';
import { audit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { readUpload, readUploadHead, storeUpload, UploadTooLargeError } from '../../platform/uploads.js';
import * as repo from './policies.repository.js';

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a file is, by its first bytes (and, for the zip-based DOCX, its name): only PDF and DOCX pass. */
export function sniffDocument(head: Buffer, fileName: string): typeof PDF | typeof DOCX | undefined {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (isZip && /\.docx$/i.test(fileName)) return DOCX;
  return undefined;
}

type IncomingFile = { stream: AsyncIterable<Buffer> | Iterable<Buffer>; fileName: string; contentType?: string };

/**
 * Stores an uploaded policy text or evidence file (PDF or DOCX, size-limited) for the actor to attach
 * next; anything else is refused and its bytes dropped.
 */
export async function upload(ctx: Ctx, file: IncomingFile): Promise<UploadedFile> {
  const uploadedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  let stored: { id: string; sizeBytes: number };
  try {
    stored = await storeUpload(ctx.db, file.stream, { fileName: file.fileName, uploadedBy, maxBytes: ATTACHMENT_MAX_BYTES });
  } catch (error) {
    if (error instanceof UploadTooLargeError)
      throw new AppError('payload_too_large', 'reform.file_too_large', { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
    throw error;
  }
  const type = stored.sizeBytes > 0 ? sniffDocument(await readUploadHead(ctx.db, stored.id), file.fileName) : undefined;
  if (!type) {
    await repo.deleteUpload(ctx.db, stored.id);
    throw new ValidationError([{ path: 'file', message: 'reform.file_type' }], 'reform.file_type');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('uploads').set({ contentType: type }).where('id', '=', stored.id).execute();
    await audit(trx, ctx, {
      action: 'reform.file_upload',
      entityType: 'upload',
      entityId: stored.id,
      after: { fileName: file.fileName, sizeBytes: stored.sizeBytes, contentType: type },
    });
  });
  return { uploadId: stored.id, fileName: file.fileName.slice(0, 255), contentType: type, sizeBytes: stored.sizeBytes };
}

/** Attaches the actor's own, complete, not yet attached document uploads to a policy or report. */
export async function attach(db: Db, ctx: Ctx, uploadIds: string[], owner: { policyId?: string; reportId?: string }) {
  const ids = [...new Set(uploadIds)];
  if (ids.length === 0) return;
  const rows = await repo.findUploads(db, ids);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : undefined;
  for (const [i, id] of ids.entries()) {
    const row = rows.find((r) => r.id === id);
    const isOwn = row && (userId === undefined || row.uploadedBy === userId);
    if (!row || !isOwn || !row.isComplete || (row.contentType !== PDF && row.contentType !== DOCX)) {
      throw new ValidationError([{ path: `body.attachmentIds.${i}`, message: 'reform.file_unknown' }], 'reform.file_unknown');
    }
    if (row.attachmentId) throw new ConflictError('reform.file_attached');
  }
  await repo.insertAttachments(
    db,
    rows.map((r) => ({
      uploadId: r.id,
      ...owner,
      fileName: r.fileName,
      contentType: r.contentType as string,
      sizeBytes: Number(r.sizeBytes),
      createdAt: ctx.now(),
    })),
  );
}

export const toAttachment = (row: {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number | string;
  createdAt: Date;
}): Attachment => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: Number(row.sizeBytes),
  createdAt: row.createdAt,
});

/** An attachment's bytes, once the caller has decided the actor may see its owner. */
export async function open(
  db: Db,
  attachmentId: string,
  canSee: (owner: { policyId: string | null; reportId: string | null }) => Promise<boolean>,
) {
  const row = await repo.findAttachment(db, attachmentId);
  if (!row || !(await canSee(row))) throw new NotFoundError('attachment');
  return { fileName: row.fileName, contentType: row.contentType, stream: readUpload(db, row.uploadId) };
}
