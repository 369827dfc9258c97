import type { MapDraft } from "./mapDraft";

/** The IRI an exported annotation links its claim with; the import reads it back. */
export const CLAIM_IRI_PREFIX = "urn:claimboard:claim:";

/**
 * Every evidence card as a W3C Web Annotation with both a TextQuoteSelector and a
 * TextPositionSelector; the target is the cited source version (`sourceIri`). Tag and
 * note are tagging/commenting bodies; a third body links the claim the card backs.
 */
export function exportWebAnnotations(draft: MapDraft, sourceIri: (sourceKey: string) => string, collectionId: string): object {
  const items = draft.citations.map((c, i) => ({
    id: `${collectionId}#card-${i + 1}`,
    type: "Annotation",
    motivation: "highlighting",
    body: [
      ...(c.tag ? [{ type: "TextualBody", purpose: "tagging", value: c.tag }] : []),
      ...(c.note ? [{ type: "TextualBody", purpose: "commenting", value: c.note }] : []),
      { type: "SpecificResource", purpose: "linking", source: `${CLAIM_IRI_PREFIX}${c.claimKey}` },
    ],
    target: {
      source: sourceIri(c.sourceKey),
      selector: [
        { type: "TextQuoteSelector", exact: c.exact, prefix: c.prefix, suffix: c.suffix },
        { type: "TextPositionSelector", start: c.start, end: c.end },
      ],
    },
  }));
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: collectionId,
    type: "AnnotationCollection",
    label: draft.title,
    total: items.length,
    first: { type: "AnnotationPage", items },
  };
}
