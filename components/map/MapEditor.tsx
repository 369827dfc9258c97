"use client";

import { ExportMenu } from "./ExportMenu";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Editor } from "@tiptap/react";
import { addClaim, deleteClaim, moveClaim, setStance } from "@/lib/argument/mapOperations";
import type { CiteLine } from "@/components/sources/EvidenceCard";
import { PresenceBar } from "@/components/presence/PresenceBar";
import { usePresence } from "@/components/presence/usePresence";
import { GraphPane } from "./GraphPane";
import { OutlineEditor } from "./OutlineEditor";
import type { MapActions } from "./outlineContext";
import { childPlan, dropPlan, indentPlan, isInSubtree, outdentPlan, parentsOf, reorderPlan, siblingPlan, visibleRowIds, type MovePlan } from "./outlineMoves";
import { SyncStatus } from "./SyncStatus";
import { Toast, type ToastMessage } from "./Toast";
import { useMapConnection } from "./useMapConnection";
import { useMapTree } from "./useMapTree";
import { useUndoState } from "./useUndoState";
import { ViewTabs, viewPanelId, viewTabId, type MapViewKind } from "./ViewTabs";
import { SourcesPanel, type PanelSource } from "@/components/sources/SourcesPanel";
import styles from "./MapEditor.module.css";
import { useMapAppEvents } from "./useMapAppEvents";
import { useClaimDeepLink } from "./useClaimDeepLink";
import { CommentsProvider } from "@/components/comments/CommentsProvider";
import { OpenThreadsButton } from "@/components/comments/CommentBadge";
import { useRatings } from "@/components/scores/useRatings";
import { useClaimScores } from "@/components/scores/useClaimScores";
import { useDebateSides } from "@/components/scores/useDebateSides";
import { ScoreContext, type ScoreContextValue } from "@/components/scores/scoreContext";
import { PositionBalance } from "@/components/scores/PositionBalance";
import { LiveFlow } from "@/components/flow/LiveFlow";
import { swapSides } from "@/lib/argument/debateSides";
import { asRole, can } from "@/lib/auth/policy";
import { SidePanel } from "./SidePanel";
import { useSidePanel } from "./useSidePanel";
import { useDensity } from "./useDensity";
import { PanelReader, type ReaderRequest } from "./PanelReader";
import panelStyles from "./SidePanel.module.css";

export interface MapEditorProps {
  mapId: string;
  /** The server's Yjs state at render time, base64. */
  initialState: string;
  user: { id: string; name: string; color?: string | null };
  role: string;
  readOnly: boolean;
  sources: Record<string, CiteLine>;
  /** The map's sources for the coverage / add-source panel (absent: no panel). */
  sourceList?: PanelSource[];
  /** The owner's share panel (rendered by the page), shown in the side panel. */
  share?: ReactNode;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const POINTER_DELETE_GUARD_MS = 700;
const READ_ONLY_MESSAGE = "View only — you can read but not edit.";
const COMMENTER_MESSAGE = "You can comment but not edit.";

/**
 * The live, collaborative map as a workspace: one toolbar line (views, undo, brief, export,
 * threads, presence, sync), the current view at full width, and a side panel beside it
 * (balance, sharing, sources and coverage, comment threads) that makes room instead of covering.
 */
export function MapEditor({ mapId, initialState, user, role, readOnly: pageReadOnly, sources, sourceList, share }: MapEditorProps) {
  const { conn, status } = useMapConnection({ mapId, initialState, user, role, readOnly: pageReadOnly });
  const { doc, localOrigin, undoManager } = conn;
  const view = useMapTree(doc);
  const presence = usePresence(status.awareness);
  const undoState = useUndoState(undoManager);
  const readOnly = status.readOnly;
  // Ratings: stored per member on the server; another member's rating arrives as an app event.
  const ratings = useRatings(mapId);
  useMapAppEvents(conn, (event) => {
    if (event.type === "ratings-changed") ratings.refresh();
  });
  const scores = useClaimScores(view.tree, view.citationsByClaim, ratings.votes);
  const sides = useDebateSides(doc, view.tree);
  const canRate = can({ id: user.id }, "map.rate", { kind: "map", role: asRole(status.role) });
  const rateClaim = ratings.rate;
  const scoreContext = useMemo<ScoreContextValue>(
    () => ({ strengths: scores.strengths, flags: scores.flags, ratings: ratings.byClaim, canRate, rate: (id, value) => void rateClaim(id, value) }),
    [scores, ratings.byClaim, canRate, rateClaim],
  );

  const side = useSidePanel(user.id);
  const [density, setDensity] = useDensity(user.id);
  const [dock, setDock] = useState<HTMLElement | null>(null);
  const [panelTab, setPanelTab] = useState<"overview" | "reader">("overview");
  const [readerRequest, setReaderRequest] = useState<ReaderRequest | null>(null);
  const readerSeq = useRef(0);
  const openReader = (sourceId: string, citationId?: string) => {
    setReaderRequest({ sourceId, citationId, seq: ++readerSeq.current });
    setPanelTab("reader");
    side.setOpen(true);
  };
  // A card's link opens its passage in the side panel's reader (a modified click still opens the reader page).
  const onWorkspaceClick = (event: React.MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-part="card"][data-source-id][data-citation-id]');
    if (!card) return;
    event.preventDefault();
    openReader(card.dataset.sourceId!, card.dataset.citationId);
  };

  const [mode, setMode] = useState<MapViewKind>("outline");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string; seq: number; center?: boolean } | null>(null);
  const lastPointerDelete = useRef(-Infinity);

  // Callbacks read the latest values through refs so `actions` stays one stable object.
  const latest = useRef({ tree: view.tree, collapsed, readOnly, editingId, mode });
  latest.current = { tree: view.tree, collapsed, readOnly, editingId, mode };
  const editorRef = useRef<Editor | null>(null);
  const seq = useRef(0);

  const say = useCallback((message: string, tone: ToastMessage["tone"] = "info", action?: ToastMessage["action"]) => {
    setToast({ id: ++seq.current, message, tone, action });
  }, []);
  const dismissToast = useCallback(() => setToast(null), []);

  const actions = useMemo<MapActions>(() => {
    const requestFocus = (id: string) => setFocusRequest({ id, seq: ++seq.current });
    const expand = (id: string) =>
      setCollapsed((prev) => {
        if (!prev.has(id)) return prev;
        const next = new Set(prev);
        next.delete(id);
        return next;
      });
    /** Runs a change unless the map is read-only; a thrown error becomes a message. */
    const change = (fn: () => void): boolean => {
      if (latest.current.readOnly) {
        say(READ_ONLY_MESSAGE);
        return false;
      }
      try {
        fn();
        return true;
      } catch (error) {
        say(`Can’t do that: ${messageOf(error)}`, "error");
        return false;
      }
    };
    const applyMove = (id: string, plan: MovePlan) => {
      if (!plan.ok) {
        say(plan.reason, "error");
        return;
      }
      if (change(() => moveClaim(doc, id, plan.parentId, plan.index, localOrigin))) {
        expand(plan.parentId);
        setSelectedId(id);
        if (latest.current.editingId !== id) requestFocus(id);
      }
    };
    const create = (plan: { kind: "position" | "claim"; stance: "pro" | "con" | null; parentId: string; index?: number } | null) => {
      if (!plan) return;
      let id = "";
      if (
        change(() => {
          id = addClaim(doc, { kind: plan.kind, stance: plan.stance, parentId: plan.parentId, index: plan.index, authorId: user.id, text: "" }, localOrigin);
        })
      ) {
        expand(plan.parentId);
        setSelectedId(id);
        setEditingId(id);
      }
    };
    return {
      select: (id) => setSelectedId(id),
      startEdit: (id) => {
        if (latest.current.readOnly) return;
        const node = latest.current.tree.byId.get(id);
        if (!node || node.claim.kind === "question") return;
        setSelectedId(id);
        setEditingId(id);
      },
      stopEdit: (focusRow = false) => {
        const id = latest.current.editingId;
        setEditingId(null);
        if (focusRow && id && latest.current.mode === "outline") requestFocus(id);
      },
      addChild: (parentId, stance) => create(childPlan(latest.current.tree, parentId, stance)),
      addSibling: (id) => create(siblingPlan(latest.current.tree, id)),
      remove: (id, byPointer = false) => {
        // After a delete the next row's button slides under the pointer: a quick second click
        // (a double-click, or an impatient one) must not delete that claim too.
        if (byPointer && performance.now() - lastPointerDelete.current < POINTER_DELETE_GUARD_MS) return;
        if (byPointer) lastPointerDelete.current = performance.now();
        const { tree, collapsed: hidden, editingId: editing } = latest.current;
        const node = tree.byId.get(id);
        if (!node) return;
        if (node.claim.kind === "question") {
          say("The question cannot be deleted.", "error");
          return;
        }
        const order = visibleRowIds(tree, hidden);
        const at = order.indexOf(id);
        const after = order.slice(at + 1).find((other) => !isInSubtree(tree, id, other));
        const nextFocus = after ?? (at > 0 ? order[at - 1] : null);
        let below = 0;
        for (const other of tree.byId.keys()) if (other !== id && isInSubtree(tree, id, other)) below++;
        if (!change(() => deleteClaim(doc, id, localOrigin))) return;
        const stackItem = undoManager.undoStack[undoManager.undoStack.length - 1];
        if (editing && (editing === id || isInSubtree(tree, id, editing))) setEditingId(null);
        setSelectedId(nextFocus);
        if (nextFocus) requestFocus(nextFocus);
        const what = node.claim.kind === "position" ? "Position" : "Claim";
        say(`${what} deleted${below > 0 ? ` with ${below} claim${below === 1 ? "" : "s"} under it` : ""}`, "info", {
          label: "Undo",
          run: () => {
            if (undoManager.undoStack[undoManager.undoStack.length - 1] !== stackItem) {
              say("Other changes were made since; use Undo in the toolbar to step back.", "error");
              return;
            }
            undoManager.undo();
            setSelectedId(id);
            requestFocus(id);
          },
        });
      },
      indent: (id) => applyMove(id, indentPlan(latest.current.tree, id)),
      outdent: (id) => applyMove(id, outdentPlan(latest.current.tree, id)),
      reorder: (id, delta) => applyMove(id, reorderPlan(latest.current.tree, id, delta)),
      drop: (dragId, targetId, zone) => applyMove(dragId, dropPlan(latest.current.tree, dragId, targetId, zone)),
      toggleStance: (id) => {
        const node = latest.current.tree.byId.get(id);
        if (!node || node.claim.kind !== "claim") {
          say("Only pro/con claims have a stance to switch.", "error");
          return;
        }
        change(() => setStance(doc, id, node.claim.stance === "con" ? "pro" : "con", localOrigin));
      },
      toggleCollapsed: (id, open) =>
        setCollapsed((prev) => {
          const isOpen = !prev.has(id);
          const wantOpen = open ?? !isOpen;
          if (wantOpen === isOpen) return prev;
          const next = new Set(prev);
          if (wantOpen) next.delete(id);
          else next.add(id);
          return next;
        }),
      undo: () => {
        const editor = editorRef.current;
        if (latest.current.editingId && editor && editor.can().undo()) editor.commands.undo();
        else if (!latest.current.readOnly) undoManager.undo();
      },
      redo: () => {
        const editor = editorRef.current;
        if (latest.current.editingId && editor && editor.can().redo()) editor.commands.redo();
        else if (!latest.current.readOnly) undoManager.redo();
      },
      onEditor: (editor) => {
        editorRef.current = editor;
      },
    };
  }, [doc, localOrigin, undoManager, user.id, say]);

  // The editing claim is published in awareness, so others see who edits what.
  useEffect(() => {
    conn.setEditing(editingId);
  }, [conn, editingId, status.awareness]);

  // A claim removed meanwhile (by someone else, or by undo) cannot stay open or selected.
  useEffect(() => {
    if (editingId && !view.tree.byId.has(editingId)) setEditingId(null);
    if (selectedId && !view.tree.byId.has(selectedId)) setSelectedId(null);
  }, [view.tree, editingId, selectedId]);

  useEffect(() => {
    if (readOnly) setEditingId(null);
  }, [readOnly]);

  // ?claim=<id>: open the outline with the claim selected, its ancestors expanded.
  const revealClaim = useCallback((id: string) => {
    const parents = parentsOf(latest.current.tree);
    const ancestors = new Set<string>();
    for (let p = parents.get(id); p && !ancestors.has(p.claim.id); p = parents.get(p.claim.id)) ancestors.add(p.claim.id);
    setCollapsed((prev) => ([...ancestors].some((a) => prev.has(a)) ? new Set([...prev].filter((c) => !ancestors.has(c))) : prev));
    setEditingId(null);
    setMode("outline");
    setSelectedId(id);
    setFocusRequest({ id, seq: ++seq.current, center: true });
  }, []);
  useClaimDeepLink(view.tree, revealClaim);

  // Undo/redo of map structure outside the text editor (the editor has its own history).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.metaKey || event.ctrlKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== "z" && key !== "y") return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      event.preventDefault();
      if (key === "y" || event.shiftKey) actions.redo();
      else actions.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions]);

  const changeMode = (next: MapViewKind) => {
    // The single editor moves with the view: it closes here and the other view reopens it.
    if (next !== mode) setEditingId(null);
    // Back in the outline, the claim selected in the graph is scrolled to and focused.
    if (next === "outline" && next !== mode && selectedId) setFocusRequest({ id: selectedId, seq: ++seq.current });
    setMode(next);
  };

  // The page's role may comment but not edit (a commenter): the notice says so.
  const pageRole = { kind: "map", role: asRole(role) } as const;
  const pageMayCommentOnly = can({ id: user.id }, "map.comment", pageRole) && !can({ id: user.id }, "map.edit", pageRole);
  const roleReason =
    pageReadOnly ? `Your role on this map is ${role}.` : status.serverReadOnly ? "The server opened this map read-only for you." : "";

  return (
    <CommentsProvider mapId={mapId} conn={conn} connected={status.status === "connected"} role={status.role} userId={user.id} dock={side.open ? dock : null} onThreadOpen={() => side.setOpen(true)}>
    <div className={styles.workspace} style={{ "--panel-width": `${side.width}px` } as React.CSSProperties} data-panel={side.open ? "open" : "closed"} data-density={density} onClick={onWorkspaceClick}>
    <div className={styles.editor} data-testid="map-editor" data-read-only={readOnly ? "true" : "false"}>
      <div className={styles.toolbar} role="toolbar" aria-label="Map">
        <ViewTabs view={mode} onChange={changeMode} />
        {!readOnly && (
          <div className={styles.group}>
            <button type="button" className={styles.tool} onClick={actions.undo} disabled={!undoState.canUndo && !editingId} data-testid="undo" title="Undo (Ctrl/⌘+Z)" aria-label="Undo">
              ↶
            </button>
            <button type="button" className={styles.tool} onClick={actions.redo} disabled={!undoState.canRedo && !editingId} data-testid="redo" title="Redo (Ctrl/⌘+Shift+Z)" aria-label="Redo">
              ↷
            </button>
          </div>
        )}
        <span className={styles.counts}>
          {view.tree.byId.size} claims · {view.citationCount} cards
        </span>
        <button
          type="button"
          className={styles.tool}
          aria-pressed={density === "compact"}
          onClick={() => setDensity(density === "compact" ? "comfortable" : "compact")}
          data-testid="density-toggle"
          title="Compact: evidence cards show their tag and short cite only"
        >
          Compact
        </button>
        <span className={styles.spacer} />
        <a className={styles.tool} href={`/maps/${mapId}/brief`} data-testid="brief-link">
          Brief
        </a>
        <ExportMenu mapId={mapId} />
        <OpenThreadsButton />
        <button
          type="button"
          className={styles.tool}
          aria-expanded={side.open}
          aria-controls="workspace-side-panel"
          onClick={() => side.setOpen(!side.open)}
          data-testid="side-panel-toggle"
          title="Balance, sharing, sources and comments"
        >
          Panel {side.open ? "▸" : "◂"}
        </button>
        <PresenceBar presence={presence} />
        <SyncStatus state={status} />
      </div>
      {readOnly && (
        <p className={styles.readOnly} role="note" data-testid="read-only-notice">
          <strong>{pageMayCommentOnly ? COMMENTER_MESSAGE : READ_ONLY_MESSAGE}</strong> {roleReason}
        </p>
      )}
      {status.status === "closed" && status.closeReason && (
        <p className={styles.closed} role="alert" data-testid="connection-closed">
          {status.closeReason}
        </p>
      )}
      <ScoreContext.Provider value={scoreContext}>
      <div role="tabpanel" id={viewPanelId(mode)} aria-labelledby={viewTabId(mode)} className={styles.panel}>
        {mode === "flow" ? (
          <LiveFlow doc={doc} tree={view.tree} votes={ratings.votes} sources={sources} mapId={mapId} />
        ) : mode === "outline" ? (
          <OutlineEditor
            view={view}
            focusRequest={focusRequest}
            doc={doc}
            mapId={mapId}
            sources={sources}
            selectedId={selectedId}
            editingId={editingId}
            collapsed={collapsed}
            editingBy={presence.editingBy}
            readOnly={readOnly}
            awareness={status.awareness}
            user={conn.user}
            actions={actions}
          />
        ) : (
          <GraphPane
            doc={doc}
            tree={view.tree}
            selectedId={selectedId}
            editingId={editingId}
            editingBy={presence.editingBy}
            collapsed={collapsed}
            readOnly={readOnly}
            awareness={status.awareness}
            user={conn.user}
            actions={actions}
          />
        )}
      </div>
      </ScoreContext.Provider>
      <Toast toast={toast} onDismiss={dismissToast} />
    </div>
    {side.open && (
      <SidePanel id="workspace-side-panel" width={side.width} onWidth={side.setWidth} onClose={() => side.setOpen(false)}>
        <div ref={setDock} className={styles.dock} />
        <div role="tablist" aria-label="Side panel" className={panelStyles.tabs}>
          {(["overview", "reader"] as const).map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`side-tab-${tab}`}
              aria-selected={panelTab === tab}
              aria-controls={`side-tabpanel-${tab}`}
              tabIndex={panelTab === tab ? 0 : -1}
              className={panelStyles.tab}
              data-testid={`side-tab-${tab}`}
              onClick={() => setPanelTab(tab)}
              onKeyDown={(e) => {
                if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
                const next = tab === "overview" ? "reader" : "overview";
                setPanelTab(next);
                document.getElementById(`side-tab-${next}`)?.focus();
              }}
            >
              {tab === "overview" ? "Overview" : "Reader"}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`side-tabpanel-${panelTab}`} aria-labelledby={`side-tab-${panelTab}`} className={panelStyles.tabBody}>
          {panelTab === "overview" ? (
            <>
              <PositionBalance
                doc={doc}
                balance={scores.balance}
                sides={sides}
                canSwap={!readOnly}
                onSwap={() => {
                  if (!readOnly) swapSides(doc, view.tree, localOrigin);
                }}
                error={ratings.error}
              />
              {share}
              {sourceList && (
                <SourcesPanel mapId={mapId} sources={sourceList} doc={doc} origin={localOrigin} tree={view.tree} citationCount={view.citationCount} canEdit={!readOnly} onRead={(sourceId) => openReader(sourceId)} />
              )}
            </>
          ) : (
            <PanelReader mapId={mapId} sources={sourceList ?? []} request={readerRequest} onPick={(sourceId) => openReader(sourceId)} conn={conn} status={status} userId={user.id} />
          )}
        </div>
      </SidePanel>
    )}
    </div>
    </CommentsProvider>
  );
}
