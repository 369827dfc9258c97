/**
 * Cites the way debaters write them (Verbatim's card format): a short cite, the author's last
 * name and a two-digit year ("Smith 24"), read aloud and printed bold, then the full cite in
 * brackets. A missing field is shown as missing ("no author", "n.d."), never guessed.
 */
export interface CiteFields {
  title: string;
  author: string | null;
  authorQualifications?: string | null;
  publisher: string | null;
  publishedAt: Date | string | null;
  url: string | null;
  accessedAt?: Date | string | null;
}

export const NO_AUTHOR = "no author";
export const NO_DATE = "n.d.";

// An author naming an organisation is cited whole ("Council on Foreign Relations 24").
const ORGANISATION =
  /\b(agency|association|bureau|center|centre|college|commission|committee|council|department|foundation|group|institute|institution|ministry|network|news|office|organi[sz]ation|press|reuters|service|society|staff|times|post|union|university|inc\.?|ltd\.?|llc)\b/i;
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|phd|md)$/i;

function validDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The authors of an "A, B and C" / "A; B" / "A & B" list ("Smith, John" is one author). */
export function splitAuthors(author: string): string[] {
  const trimmed = author.trim();
  if (!trimmed) return [];
  const parts = trimmed.split(/\s*;\s*|\s+(?:and|&)\s+/i).flatMap((part) => {
    // "Smith, John" is one name, last name first; "Ann Lee, Bo Chen" are two.
    const commas = part.split(/\s*,\s*/).filter(Boolean);
    if (commas.length === 2 && !commas[1].includes(" ") && commas[0].split(/\s+/).length === 1 && !SUFFIX.test(commas[1])) return [part];
    return commas.filter((c) => !SUFFIX.test(c));
  });
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The name a cite uses for one author: the last name, or an organisation's whole name. */
export function citedName(author: string): string {
  const name = author.trim();
  if (ORGANISATION.test(name)) return name;
  const lastFirst = name.match(/^([^,\s]+),\s*\S/);
  if (lastFirst) return lastFirst[1];
  const words = name.split(/\s+/).filter((w) => !SUFFIX.test(w));
  return words[words.length - 1] ?? name;
}

/** "Smith 24", "Smith and Jones 24", "Smith et al. 24", "no author n.d.". */
export function shortCite(cite: Pick<CiteFields, "author" | "publishedAt">): string {
  const authors = cite.author ? splitAuthors(cite.author).map(citedName) : [];
  const who = authors.length === 0 ? NO_AUTHOR : authors.length === 1 ? authors[0] : authors.length === 2 ? `${authors[0]} and ${authors[1]}` : `${authors[0]} et al.`;
  const date = validDate(cite.publishedAt);
  const year = date ? String(date.getUTCFullYear() % 100).padStart(2, "0") : NO_DATE;
  return `${who} ${year}`;
}

function longDate(date: Date): string {
  return date.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

/**
 * "John Smith, Professor of Law at UNAM, March 3, 2024, “Title,” Publisher, https://…,
 * accessed December 2, 2026". Author and date are always present (as "no author", "n.d."
 * when unknown); publisher, URL and the accessed date only when known.
 */
export function fullCite(cite: CiteFields): string {
  const published = validDate(cite.publishedAt);
  const accessed = validDate(cite.accessedAt);
  const parts = [
    cite.author?.trim() || NO_AUTHOR,
    cite.authorQualifications?.trim() || null,
    published ? longDate(published) : NO_DATE,
    cite.title?.trim() ? `“${cite.title.trim()}”` : null,
    cite.publisher?.trim() || null,
    cite.url?.trim() || null,
    accessed ? `accessed ${longDate(accessed)}` : null,
  ];
  return parts.filter((p): p is string => Boolean(p)).join(", ");
}
