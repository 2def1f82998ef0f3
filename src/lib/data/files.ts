import { asset } from '$app/paths';

/** URL of a shipped dataset file, relative to wherever the site is served. */
export function dataUrl(name: string): string {
  return asset(`/data/${name}` as Parameters<typeof asset>[0]);
}
