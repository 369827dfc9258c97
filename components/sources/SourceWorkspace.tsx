"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { claimBodyFragment, claimPlainText } from "@/lib/argument/claimBody";
import { readCitations } from "@/lib/argument/claimSchema";
import { selectorMatches } from "@/lib/citations/textSelectors";
import { selectionToRange } from "@/lib/sources/domSelection";
import { positionColor, positionOf, positionsInOrder } from "@/lib/sources/positionOf";
import type { PlainRange } from "@/lib/sources/selectionRange";
import { SyncStatus } from "@/components/map/SyncStatus";
import { useMapConnection } from "@/components/map/useMapConnection";
import { useMapTree } from "@/components/map/useMapTree";
import type { MapConnection, MapConnectionSnapshot } from "@/lib/collab/mapConnection";
import { EvidencePopover, type ClaimChoice } from "./EvidencePopover";
import { SourceReader, type ReaderCitation } from "./SourceReader";
import styles from "./SourceWorkspace.module.css";
import { CommentsProvider } from "@/components/comments/CommentsProvider";
import { Bubble, OpenThreadsButton } from "@/components/comments/CommentBadge";
import { PassageBadge } from "@/components/comments/PassageBadge";

export interface SourceWorkspaceProps {
  mapId: string;
  sourceId: string;
  version: number;
  text: string;
  initialState: string;
  user: { id: string; name: string };
  role: string;
  readOnly: boolean;
}

interface OpenSelection {
  range: PlainRange;
  top: number;
  left: number;
}

/** The standalone reader page: connects to the map's doc and shows the reader with its comment threads. */
export function SourceWorkspace({ mapId, sourceId, version, text, initialState, user, role, readOnly: pageReadOnly }: SourceWorkspaceProps) {
  const { conn, status } = useMapConnection({ mapId, initialState, user, role, readOnly: pageReadOnly });
  return (
    <CommentsProvider mapId={mapId} conn={conn} connected={status.status === "connected"} role={status.role} userId={user.id}>
      <SourceReaderPane mapId={mapId} sourceId={sourceId} version={version} text={text} conn={conn} status={status} userId={user.id} />
    </CommentsProvider>
  );
}

export interface SourceReaderPaneProps {
  mapId: string;
  sourceId: string;
  version: number;
  text: string;
  conn: MapConnection;
  status: MapConnectionSnapshot;
  userId: string;
  /** Beside the map (the workspace's side panel): the notice needs no link back to the map. */
  besideMap?: boolean;
}

/**
 * The live reader of one source version: cited passages highlighted by stance and position,
 * selections turned into evidence or comments. Used by the reader page and the workspace's side panel.
 */
export function SourceReaderPane({ mapId, sourceId, version, text, conn, status, userId, besideMap = false }: SourceReaderPaneProps) {
  const { doc, localOrigin } = conn;
  const view = useMapTree(doc);
  const readOnly = status.readOnly;
  const readerRef = useRef<HTMLElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<OpenSelection | null>(null);
  const [notice, setNotice] = useState<{ text: string; tone: "ok" | "error"; href?: string } | null>(null);

  const claimText = useCallback(
    (id: string) => {
      const fragment = claimBodyFragment(doc, id);
      return fragment ? claimPlainText(fragment).replace(/\s+/g, " ").trim() : "";
    },
    [doc],
  );

  const positions = useMemo(() => positionsInOrder(view.tree), [view.tree]);

  // Citations of this source version whose quote matches the text: the same rule the server's projection uses.
  const citations = useMemo(() => {
    void view.citationCount;
    return readCitations(doc).filter((c) => c.sourceId === sourceId && c.sourceVersion === version && view.tree.byId.has(c.claimId) && selectorMatches(text, c));
  }, [doc, view, sourceId, version, text]);

  const readerCitations = useMemo<ReaderCitation[]>(
    () =>
      citations.map((c) => {
        const claim = view.tree.byId.get(c.claimId)!.claim;
        const positionId = positionOf(view.tree, c.claimId);
        return {
          id: c.id,
          start: c.start,
          end: c.end,
          stance: claim.stance,
          claimText: claimText(c.claimId),
          positionId,
          positionColor: positionId ? positionColor(positions.indexOf(positionId)) : undefined,
          positionTitle: positionId ? claimText(positionId) : undefined,
        };
      }),
    [citations, view.tree, positions, claimText],
  );

  const claimChoices = useCallback((): ClaimChoice[] => {
    const out: ClaimChoice[] = [];
    const walk = (nodes: typeof view.tree.detached) => {
      for (const n of nodes) {
        if (n.claim.kind !== "question") out.push({ id: n.claim.id, kind: n.claim.kind, stance: n.claim.stance, depth: n.depth, text: claimText(n.claim.id) || "(empty claim)" });
        walk(n.children);
      }
    };
    walk(view.tree.root ? [view.tree.root] : []);
    return out;
  }, [view.tree, claimText]);

  const onMouseUp = useCallback(() => {
    // After the browser has finished updating the selection.
    window.setTimeout(() => {
      const reader = readerRef.current;
      const wrap = wrapRef.current;
      if (!reader || !wrap) return;
      const sel = window.getSelection();
      const range = selectionToRange(reader, text, sel);
      if (!range || !sel || sel.rangeCount === 0) {
        setSelection(null);
        return;
      }
      const rects = sel.getRangeAt(0).getClientRects();
      const last = rects[rects.length - 1] ?? sel.getRangeAt(0).getBoundingClientRect();
      const box = wrap.getBoundingClientRect();
      setSelection({ range, top: last.bottom - box.top + 8, left: Math.max(0, Math.min(last.left - box.left, box.width - 360)) });
    }, 0);
  }, [text]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setSelection(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className={styles.workspace} ref={wrapRef} data-read-only={readOnly ? "true" : "false"}>
      <div className={styles.toolbar}>
        <span className={styles.legend} data-testid="position-legend">
          <span className={styles.swatch} style={{ background: "var(--mark-pro)", borderBottom: "2px solid var(--pro)" }} /> pro
          <span className={styles.swatch} style={{ background: "var(--mark-con)", borderBottom: "2px dashed var(--con)" }} /> con
          <span className={styles.swatch} style={{ background: "linear-gradient(var(--mark-pro), var(--mark-con))", borderBottom: "2px dotted var(--ink)" }} /> pro and con
          <span className={styles.swatch} style={{ background: "var(--mark-neutral)" }} /> position or question
          <span className={styles.legendItem}>×N cards on a paragraph</span>
          <span className={styles.legendItem}>
            <Bubble /> open comments
          </span>
          {positions.map((id, i) => (
            <span key={id} className={styles.legendItem} title={claimText(id)}>
              <span className={styles.bar} style={{ background: positionColor(i) }} />
              {truncate(claimText(id), 36)}
            </span>
          ))}
        </span>
        <span className={styles.spacer} />
        {!besideMap && <OpenThreadsButton />}
        <span className="muted small">{citations.length} cited passages</span>
        {!besideMap && <SyncStatus state={status} />}
      </div>
      {readOnly ? (
        <p className={styles.hint} data-testid="read-only-notice">
          View only — you can read and follow the highlighted passages; only editors can add evidence.
        </p>
      ) : (
        <p className={styles.hint}>Select words in the text to use them as evidence for a claim, or to comment on them.</p>
      )}
      {notice && (
        <p className={notice.tone === "error" ? "error" : styles.ok} role="status" data-testid="evidence-notice">
          {notice.text} {notice.href && <Link href={notice.href}>Open the map</Link>}
        </p>
      )}
      <SourceReader
        ref={readerRef}
        text={text}
        citations={readerCitations}
        onMouseUp={onMouseUp}
        paragraphAside={(start, end) => <PassageBadge sourceId={sourceId} text={text} start={start} end={end} />}
      />
      {selection && (
        <EvidencePopover
          key={`${selection.range.start}-${selection.range.end}`}
          top={selection.top}
          left={selection.left}
          quote={text.slice(selection.range.start, selection.range.end)}
          range={selection.range}
          text={text}
          sourceId={sourceId}
          version={version}
          doc={doc}
          origin={localOrigin}
          userId={userId}
          readOnly={readOnly}
          citations={citations}
          claimChoices={claimChoices}
          onClose={() => setSelection(null)}
          onDone={(message, tone) => {
            setSelection(null);
            window.getSelection()?.removeAllRanges();
            setNotice({ text: message, tone, href: tone === "ok" && !besideMap ? `/maps/${mapId}` : undefined });
          }}
        />
      )}
    </div>
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
