/** Only same-site paths are followed after login: `?next=//evil.example` is ignored. */
export function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return '/';
  return value;
}
