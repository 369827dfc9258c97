import { InterchangeError } from "./interchangeError";
import { annotationList, webAnnotationSchema, type WebAnnotation } from "./webAnnotationSchema";
import { CLAIM_IRI_PREFIX } from "./webAnnotationExport";

const CONTEXT = 32;

export interface AnnotationCard {
  claimId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  tag: string;
  note: string;
}

export interface AnnotationImport {
  cards: AnnotationCard[];
  /** One line per annotation that did not become a card (quote not in the source, no claim…). */
  orphans: string[];
}

function selectorsOf(a: WebAnnotation) {
  const targets = Array.isArray(a.target) ? a.target : [a.target];
  return targets.flatMap((t) => (typeof t === "string" || !t.selector ? [] : Array.isArray(t.selector) ? t.selector : [t.selector]));
}

function bodiesOf(a: WebAnnotation) {
  return a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body];
}

/** Where the quote is: the position selector when it still holds the quote, else the quote with its context, else the first bare match. */
function locate(text: string, exact: string, prefix: string, suffix: string, position: { start: number; end: number } | null): number {
  if (position && text.slice(position.start, position.end) === exact) return position.start;
  const withContext = text.indexOf(prefix + exact + suffix);
  if (withContext >= 0) return withContext + prefix.length;
  const withPrefix = prefix ? text.indexOf(prefix + exact) : -1;
  if (withPrefix >= 0) return withPrefix + prefix.length;
  return text.indexOf(exact);
}

/**
 * Web Annotations (or a Hypothesis export) on one source → evidence cards on that source.
 * The claim a card backs is the one the annotation links to (`urn:claimboard:claim:<id>`,
 * written by our export), else `defaultClaimId`; annotations without a quote found in the
 * source text, or without a claim, are orphans.
 */
export function importWebAnnotations(json: unknown, sourceText: string, claimIds: ReadonlySet<string>, defaultClaimId: string | null): AnnotationImport {
  const list = annotationList(json);
  if (!list) throw new InterchangeError("The file is neither a Web Annotation, a list or collection of them, nor a Hypothesis export.");
  const cards: AnnotationCard[] = [];
  const orphans: string[] = [];
  for (const [i, raw] of list.entries()) {
    const parsed = webAnnotationSchema.safeParse(raw);
    const label = `annotation ${i + 1}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InterchangeError(`Web Annotation ${i + 1} is not valid: ${issue.path.join(".") || "the annotation"} — ${issue.message}.`);
    }
    const a = parsed.data;
    const selectors = selectorsOf(a);
    const quote = selectors.find((s) => s.type === "TextQuoteSelector") as { exact: string; prefix?: string; suffix?: string } | undefined;
    const position = selectors.find((s) => s.type === "TextPositionSelector") as { start: number; end: number } | undefined;
    const exact = quote?.exact ?? (position ? sourceText.slice(position.start, position.end) : "");
    if (!exact) {
      orphans.push(`${label}: no TextQuoteSelector or TextPositionSelector`);
      continue;
    }
    const start = locate(sourceText, exact, quote?.prefix ?? "", quote?.suffix ?? "", position ?? null);
    if (start < 0) {
      orphans.push(`${label}: the quote “${exact.slice(0, 60)}” is not in the source text`);
      continue;
    }
    const bodies = bodiesOf(a);
    const linked = bodies
      .map((b) => (typeof b === "object" && typeof b.source === "string" && b.source.startsWith(CLAIM_IRI_PREFIX) ? b.source.slice(CLAIM_IRI_PREFIX.length) : null))
      .find((id): id is string => id !== null && claimIds.has(id));
    const claimId = linked ?? defaultClaimId;
    if (!claimId) {
      orphans.push(`${label}: it names no claim of this map and the request gave no claimId`);
      continue;
    }
    const texts = (purpose: string) =>
      bodies.filter((b) => typeof b === "object" && b.purpose === purpose && typeof b.value === "string").map((b) => (b as { value: string }).value);
    const plain = bodies.filter((b) => typeof b === "string" || (typeof b === "object" && !b.purpose && typeof b.value === "string")).map((b) => (typeof b === "string" ? b : b.value!));
    const tag = texts("tagging")[0] ?? a.tags?.[0] ?? "";
    const note = [...texts("commenting"), ...texts("describing"), ...plain, ...(a.text ? [a.text] : [])].join("\n").trim();
    const end = start + exact.length;
    // The annotation's own context is kept when the text around the quote still reads so.
    const givenPrefix = quote?.prefix ?? "";
    const givenSuffix = quote?.suffix ?? "";
    const prefix = givenPrefix && sourceText.slice(0, start).endsWith(givenPrefix) ? givenPrefix : sourceText.slice(Math.max(0, start - CONTEXT), start);
    const suffix = givenSuffix && sourceText.startsWith(givenSuffix, end) ? givenSuffix : sourceText.slice(end, end + CONTEXT);
    cards.push({
      claimId,
      exact,
      start,
      end,
      prefix,
      suffix,
      tag,
      note,
    });
  }
  return { cards, orphans };
}
