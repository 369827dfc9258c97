// Presence colours: a fixed palette of hues dark enough for white initials and a caret
// that stays visible on the page background. The same user id gets the same colour on
// every client, so a collaborator is recognisable across tabs and sessions.
export const PRESENCE_COLORS = [
  "#2d5bd1",
  "#b0431a",
  "#1f7a44",
  "#8a3fb8",
  "#a3327a",
  "#0f7287",
  "#8a6a00",
  "#c02d4a",
  "#4b5fa6",
  "#2f7d6d",
  "#9a4f16",
  "#6a5acd",
] as const;

/** FNV-1a over UTF-16 code units: tiny, stable, well spread for short ids. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function userColor(userId: string): string {
  return PRESENCE_COLORS[hashString(userId) % PRESENCE_COLORS.length];
}

/** One or two letters for an avatar: first and last word, or the first two letters. */
export function userInitials(name: string): string {
  // An e-mail address used as a name: the local part says more than the domain.
  const words = name.trim().replace(/@.*$/, "").split(/[\s._-]+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = [...words[0]];
  if (words.length === 1) return (first[0] + (first[1] ?? "")).toUpperCase();
  const last = [...words[words.length - 1]];
  return (first[0] + last[0]).toUpperCase();
}
