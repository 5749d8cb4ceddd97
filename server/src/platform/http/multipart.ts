import type { FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../errors.js';

/** Malformed multipart bodies fail inside busboy with plain errors; they are the client's fault. */
function asClientError(error: unknown): never {
  if (error instanceof AppError) throw error;
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 413) throw new AppError('payload_too_large', 'import.file_too_large', { mb: 200 });
  if (status && status < 500 && status !== 406) throw error;
  throw new ValidationError([{ path: 'file', message: 'upload_malformed' }], 'upload_malformed');
}

/** The one file of a multipart request, as a stream whose read errors are client errors too. */
export async function singleFile(request: FastifyRequest) {
  if (!request.isMultipart()) throw new ValidationError([{ path: 'file', message: 'import.file_required' }], 'import.file_required');
  const file = await request.file().catch(asClientError);
  if (!file) throw new ValidationError([{ path: 'file', message: 'import.file_required' }], 'import.file_required');
  const stream = (async function* () {
    try {
      for await (const chunk of file.file) yield chunk as Buffer;
    } catch (error) {
      asClientError(error);
    }
    if (file.file.truncated) throw new AppError('payload_too_large', 'import.file_too_large', { mb: 200 });
  })();
  return { stream, fileName: file.filename, contentType: file.mimetype };
}
