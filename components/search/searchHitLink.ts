import type { SearchHitView } from "./searchTypes";

/**
 * Where a hit opens: a claim (or the claim of a card or comment) selected in its map; a
 * source in the reader, scrolled to the matched words with a text fragment (the reader has
 * no passage parameter; browsers without text fragments open it at the top).
 */
export function searchHitHref(hit: SearchHitView): string {
  const map = `/maps/${encodeURIComponent(hit.mapId)}`;
  if (hit.claimId) return `${map}?claim=${encodeURIComponent(hit.claimId)}`;
  if (hit.sourceId) {
    const passage = firstMatchedPhrase(hit);
    return `${map}/sources/${encodeURIComponent(hit.sourceId)}${passage ? `#:~:text=${textFragmentEncode(passage)}` : ""}`;
  }
  return map;
}

/** The first matched word and up to four words after it, within its passage of the snippet. */
function firstMatchedPhrase(hit: SearchHitView): string | null {
  const first = hit.highlights[0];
  if (!first) return null;
  const rest = hit.snippet.slice(first[0]).split(" … ")[0];
  return rest.split(/\s+/).slice(0, 5).join(" ").replace(/[^\p{L}\p{N}]+$/u, "") || null;
}

/** Text fragment directives reserve "-", "," and "&" besides what encodeURIComponent escapes. */
function textFragmentEncode(text: string): string {
  return encodeURIComponent(text).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
}
