import { z } from "zod";

// W3C Web Annotation (JSON-LD) and Hypothesis's export, as far as a card needs: the quote
// and position selectors of the target, and the text of the bodies.

const textQuoteSelector = z.object({ type: z.literal("TextQuoteSelector"), exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() }).passthrough();
const textPositionSelector = z.object({ type: z.literal("TextPositionSelector"), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).passthrough();
const otherSelector = z.object({ type: z.string() }).passthrough();
export const selectorSchema = z.union([textQuoteSelector, textPositionSelector, otherSelector]);

const target = z.object({ source: z.string().optional(), selector: z.union([selectorSchema, z.array(selectorSchema)]).optional() }).passthrough();

const body = z.union([
  z.string(),
  z.object({ type: z.string().optional(), value: z.string().optional(), purpose: z.string().optional(), source: z.string().optional() }).passthrough(),
]);

export const webAnnotationSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    type: z.union([z.string(), z.array(z.string())]).optional(),
    body: z.union([body, z.array(body)]).optional(),
    target: z.union([z.string(), target, z.array(z.union([z.string(), target]))]),
    // Hypothesis's own fields.
    text: z.string().optional(),
    tags: z.array(z.string()).optional(),
  })
  .passthrough();

export type WebAnnotation = z.infer<typeof webAnnotationSchema>;

/** The annotations of a file: one annotation, an array, a Hypothesis export `{annotations}`, or an AnnotationCollection/Page. */
export function annotationList(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (!json || typeof json !== "object") return null;
  const o = json as Record<string, unknown>;
  if (Array.isArray(o.annotations)) return o.annotations;
  if (Array.isArray(o.items)) return o.items;
  const first = o.first as Record<string, unknown> | undefined;
  if (first && typeof first === "object" && Array.isArray(first.items)) return first.items;
  if (o.target !== undefined) return [json];
  return null;
}
