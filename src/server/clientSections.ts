/**
 * The first path segments the web client has pages under (`src/web/app/routes.tsx` and the
 * modules' route files; a unit test reads them and keeps the two in step). Any other address is answered 404 with the client's "page not found",
 * so that a mistyped link or a crawler is told the page does not exist. Inside a section the
 * client alone knows its pages: `/progetti/abc` is a 200 whose page says it was not found.
 */
export const clientSections: ReadonlySet<string> = new Set([
  'comuni',
  'zone',
  'piano',
  'progetti',
  'pnrr',
  'accedi',
  'account',
  'admin',
]);

/** Whether `url` (a path, no query) is the address of a page of the web client. */
export function isClientPage(url: string): boolean {
  const first = url.split('/')[1] ?? '';
  return first === '' || clientSections.has(decodeURIComponentSafe(first));
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
