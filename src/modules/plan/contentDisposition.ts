/**
 * A Content-Disposition header for a file whose stored name may hold any character (RFC 6266):
 * `filename="…"` with an ASCII name for old clients, and `filename*=UTF-8''…` (RFC 5987) with the
 * name itself. A name with characters outside printable ASCII in the plain parameter made Node refuse
 * the header (ERR_INVALID_CHAR) and the download answered 500, or arrived garbled.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  // A lone surrogate cannot be written as UTF-8; control characters have no place in a name.
  const clean = name.replace(/\p{Cs}/gu, '\uFFFD').replace(/\p{Cc}/gu, '');
  const fallback =
    clean
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/["\\]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .trim() || 'document';
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 wants them encoded too.
  const encoded = encodeURIComponent(clean || fallback).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
