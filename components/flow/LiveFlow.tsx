"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import type { MapTree } from "@/lib/argument/mapTree";
import { assembleBrief, type BriefSource } from "@/lib/interchange/debateBrief";
import { assembleFlow } from "@/lib/interchange/debateFlow";
import { useFillHeight } from "@/components/ui/useFillHeight";
import { FlowSheet } from "./FlowSheet";
import styles from "./LiveFlow.module.css";

/** The flow of the live doc, full width and window height: rebuilt (debounced) on any edit, including text and a side swap. */
export function LiveFlow({ doc, tree, votes, sources, mapId }: { doc: Y.Doc; tree: MapTree; votes: ReadonlyMap<string, number[]>; sources: Record<string, BriefSource>; mapId: string }) {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setVersion((v) => v + 1);
      }, 300);
    };
    doc.on("update", onUpdate);
    return () => {
      doc.off("update", onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  const flow = useMemo(() => {
    void version;
    void tree;
    const byId = new Map(Object.entries(sources));
    return assembleFlow(assembleBrief(doc, "aff", byId, votes), assembleBrief(doc, "neg", byId, votes));
  }, [doc, tree, votes, sources, version]);
  const columnsRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(columnsRef);
  return (
    <div className={styles.live}>
      <p className="small muted" style={{ margin: "0 0 6px" }}>
        Each column is a speech; replies sit in the other side’s next speech, strongest first. <a href={`/maps/${mapId}/flow`} data-testid="flow-print-link">Printable flow</a>
      </p>
      <FlowSheet flow={flow} columnsRef={columnsRef} height={height} />
    </div>
  );
}
