"use client";

import { useEffect, useReducer } from "react";
import type * as Y from "yjs";
import { claimBodyJSON } from "@/lib/argument/claimBody";
import { RichTextView } from "./RichTextView";

/** A claim's body rendered read-only from its fragment, live (no editor mounted). */
export function ClaimText({ fragment, className, placeholder }: { fragment: Y.XmlFragment | null; className?: string; placeholder?: string }) {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!fragment) return;
    const onChange = () => refresh();
    fragment.observeDeep(onChange);
    return () => fragment.unobserveDeep(onChange);
  }, [fragment]);
  const body = fragment ? claimBodyJSON(fragment) : null;
  const empty = !body?.content?.some((n) => (n.content?.length ?? 0) > 0 || n.type !== "paragraph");
  if (empty && placeholder) return <div className={className} data-empty="true">{placeholder}</div>;
  return <RichTextView node={body} className={className} />;
}
