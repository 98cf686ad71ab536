/**
 * The middle weight of library search: every tag value and the names of the tagged competitors, one string
 * (`assets.tag_text`, which the generated `search_vector` reads). Whoever writes an asset's tags writes this
 * with them — the assets service, and the demo.
 */
export interface TaggedAsset {
  products: readonly string[];
  segments: readonly string[];
  personas: readonly string[];
  stages: readonly string[];
  regions: readonly string[];
}

export function tagTextOf(tags: TaggedAsset, competitorNames: readonly string[]): string {
  return [...tags.products, ...tags.segments, ...tags.personas, ...tags.stages, ...tags.regions, ...competitorNames]
    .map((t) => t.trim())
    .filter(Boolean)
    .join(' ');
}
