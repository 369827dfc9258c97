import { z } from "zod";
import type { RichNode } from "../argument/claimBody";
import { checkDraft } from "./draftCheck";
import { InterchangeError } from "./interchangeError";
import type { MapDraft } from "./mapDraft";

export const CLAIMBOARD_FORMAT = "claimboard-map";

const richMark = z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() });
const richNode: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    text: z.string().optional(),
    marks: z.array(richMark).optional(),
    content: z.array(richNode).optional(),
  }),
);
const stance = z.enum(["pro", "con"]);
const nullableString = z.string().nullable().default(null);

const claimboardMapSchema = z.object({
  format: z.literal(CLAIMBOARD_FORMAT, { error: `"format" must be "${CLAIMBOARD_FORMAT}"` }),
  version: z.literal(1, { error: "only version 1 of the Claimboard map format exists" }),
  title: z.string().max(200),
  question: z.string().max(5000),
  claims: z.array(
    z.object({
      key: z.string().min(1),
      kind: z.enum(["position", "claim"]),
      parentKey: z.string().nullable(),
      stance: stance.nullable(),
      text: z.string(),
      body: richNode.optional(),
      title: z.string().optional(),
      tags: z.array(z.string()).optional(),
    }),
  ),
  links: z.array(z.object({ fromKey: z.string(), toKey: z.string(), stance })).default([]),
  sources: z
    .array(
      z.object({
        key: z.string().min(1),
        title: z.string().max(500),
        author: nullableString,
        authorQualifications: nullableString,
        publisher: nullableString,
        publishedAt: nullableString,
        url: nullableString,
        accessedAt: nullableString,
        text: z.string(),
      }),
    )
    .default([]),
  citations: z
    .array(
      z.object({
        claimKey: z.string(),
        sourceKey: z.string(),
        exact: z.string(),
        prefix: z.string().default(""),
        suffix: z.string().default(""),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        tag: z.string().default(""),
        note: z.string().default(""),
        highlights: z.array(z.tuple([z.number().int(), z.number().int()])).default([]),
      }),
    )
    .default([]),
});

/** The lossless file: the draft itself, bodies as ProseMirror JSON, sources with their text. */
export function exportClaimboardJson(draft: MapDraft): string {
  return JSON.stringify({ format: CLAIMBOARD_FORMAT, version: 1, ...draft }, null, 2) + "\n";
}

export function importClaimboardJson(json: unknown): { draft: MapDraft; skipped: string[] } {
  const parsed = claimboardMapSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InterchangeError(`The Claimboard map file is not valid: ${issue.path.join(".") || "the document"} — ${issue.message}.`);
  }
  const { format: _f, version: _v, ...draft } = parsed.data;
  void _f;
  void _v;
  checkDraft(draft);
  return { draft, skipped: [] };
}
