/** "2026-11-22 06:30 UTC": the same on server and client, so hydration never disagrees about a time zone. */
export function formatUtc(iso: string): string {
  return `${iso.replace("T", " ").slice(0, 16)} UTC`;
}
