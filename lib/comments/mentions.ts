/** A map member as mentions see them. */
export interface MentionCandidate {
  userId: string;
  name: string;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);

/**
 * Where a body mentions members as `@Name` (case-insensitive, whole name: "@Ann" does not
 * mention "Anne"). Longer names are tried first, so "@Ann Lee" is Ann Lee even when there is
 * also an Ann. Spans in text order, never overlapping.
 */
export function mentionSpans(body: string, members: readonly MentionCandidate[]): { start: number; end: number; userId: string }[] {
  const lower = body.toLowerCase();
  const byLength = [...members].filter((m) => m.name.trim() !== "").sort((a, b) => b.name.length - a.name.length);
  const spans: { start: number; end: number; userId: string }[] = [];
  for (const member of byLength) {
    const needle = "@" + member.name.trim().toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (isWordChar(body[end]) || isWordChar(body[at - 1])) continue;
      if (spans.some((s) => at < s.end && end > s.start)) continue;
      spans.push({ start: at, end, userId: member.userId });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The members a body mentions, each once, in order of first mention. */
export function findMentionedMembers(body: string, members: readonly MentionCandidate[]): string[] {
  return [...new Set(mentionSpans(body, members).map((s) => s.userId))];
}

/** The `@query` being typed at the caret, for autocomplete; null when the caret is not in one. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1 || isWordChar(before[at - 1])) return null;
  const query = before.slice(at + 1);
  // A name has at most a few words; a newline or a long run ends the mention.
  if (query.includes("\n") || query.length > 40 || query.split(" ").length > 4) return null;
  return { start: at, query };
}
