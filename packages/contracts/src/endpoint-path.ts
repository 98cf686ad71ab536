// Building an endpoint's URL. No zod here: the web app's first load imports this file.

/** Fills `:name` parameters, each encoded; a missing one is a programming error. */
export function endpointPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`endpoint ${path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

/** A query string: arrays repeat their key (`?status=new&status=planned`), empty values are left out. */
export function endpointQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null || v === '') continue;
      params.append(key, v instanceof Date ? v.toISOString() : String(v));
    }
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
