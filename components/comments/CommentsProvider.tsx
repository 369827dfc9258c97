"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import type * as Y from "yjs";
import { claimBodyFragment, claimPlainText } from "@/lib/argument/claimBody";
import { readCitations } from "@/lib/argument/claimSchema";
import type { MapConnection } from "@/lib/collab/mapConnection";
import type { ThreadView } from "@/lib/db/comments";
import { CommentsContext, type CommentsContextValue, type PanelTarget } from "./commentsContext";
import { onOpenThreadRequest } from "./inboxSignal";
import { ThreadPanel } from "./ThreadPanel";
import { useCommentThreads } from "./useCommentThreads";
import { useMapMembers } from "./useMapMembers";
import { asRole, can } from "@/lib/auth/policy";

interface Props {
  mapId: string;
  conn: MapConnection;
  connected: boolean;
  role: string;
  userId: string;
  /** Where the thread panel docks (the workspace's side panel); null: over the page's right edge. */
  dock?: HTMLElement | null;
  /** Called when a thread opens (the workspace opens its side panel for it). */
  onThreadOpen?: () => void;
  children: ReactNode;
}

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}

function describeWith(doc: Y.Doc) {
  return (thread: ThreadView): string => {
    if (thread.target === "claim" && thread.claimId) {
      const fragment = claimBodyFragment(doc, thread.claimId);
      return fragment ? `Claim: ${shorten(claimPlainText(fragment)) || "(empty)"}` : "Claim (deleted)";
    }
    if (thread.target === "citation" && thread.citationId) {
      const card = readCitations(doc).find((c) => c.id === thread.citationId);
      return card ? `Evidence: ${shorten(card.tag || card.exact)}` : "Evidence card (deleted)";
    }
    const exact = (thread.selector as { exact?: string } | null)?.exact ?? "";
    return `Passage: “${shorten(exact, 70)}”`;
  };
}

/**
 * Comment threads for one open map: loads and live-updates them, gives claim rows, cards
 * and passages their badges through context, and shows the thread panel: in `dock` (the
 * workspace's side panel, so it never covers the map) or, without one, over the page's right
 * edge. A `?thread=<id>` in the URL (inbox links) opens that thread.
 */
export function CommentsProvider({ mapId, conn, connected, role, userId, dock = null, onThreadOpen, children }: Props) {
  const comments = useCommentThreads(mapId, conn, connected);
  const { members, load: loadMembers } = useMapMembers(mapId);
  const [target, setTarget] = useState<PanelTarget | null>(null);

  useEffect(() => {
    const threadId = new URLSearchParams(window.location.search).get("thread");
    if (threadId) setTarget({ kind: "thread", threadId });
    return onOpenThreadRequest(mapId, (id) => setTarget({ kind: "thread", threadId: id }));
  }, [mapId]);

  const describe = useMemo(() => describeWith(conn.doc), [conn.doc]);
  const onThreadOpenRef = useRef(onThreadOpen);
  onThreadOpenRef.current = onThreadOpen;
  const isOpen = target !== null;
  useEffect(() => {
    if (isOpen) onThreadOpenRef.current?.();
  }, [isOpen]);
  const open = useCallback((next: PanelTarget) => setTarget(next), []);
  const value = useMemo<CommentsContextValue>(
    () => ({
      mapId,
      userId,
      canComment: can({ id: userId }, "map.comment", { kind: "map", role: asRole(role) }),
      canEditComment: (authorId: string | null) => can({ id: userId }, "comment.edit", { kind: "comment", role: asRole(role), authorId }),
      canDeleteComment: (authorId: string | null) => can({ id: userId }, "comment.delete", { kind: "comment", role: asRole(role), authorId }),
      threads: comments.threads,
      openByClaim: comments.openByClaim,
      openByCitation: comments.openByCitation,
      members: members.filter((m) => m.userId !== userId),
      allMembers: members,
      loadMembers,
      upsert: comments.upsert,
      open,
      describe,
    }),
    [mapId, userId, role, comments, members, loadMembers, open, describe],
  );

  return (
    <CommentsContext.Provider value={value}>
      {children}
      {target &&
        (dock
          ? createPortal(<ThreadPanel docked target={target} onTarget={setTarget} onClose={() => setTarget(null)} error={comments.error} loaded={comments.loaded} />, dock)
          : <ThreadPanel target={target} onTarget={setTarget} onClose={() => setTarget(null)} error={comments.error} loaded={comments.loaded} />)}
    </CommentsContext.Provider>
  );
}
