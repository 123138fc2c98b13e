/**
 * The unique index a statement broke (PostgreSQL's 23505), when that is why it failed; the drivers
 * (pg, PGlite) and drizzle wrap the database's error, so its causes are searched.
 */
export function brokenUniqueIndex(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 5; depth++) {
    const { code, constraint } = cause as { code?: unknown; constraint?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}
