"use client";

import { createContext, useContext, type KeyboardEvent } from "react";
import type * as Y from "yjs";
import type { Editor } from "@tiptap/react";
import type { Awareness } from "y-protocols/awareness";
import type { TreeNode } from "@/lib/argument/mapTree";
import type { CitationData, Stance } from "@/lib/argument/claimSchema";
import type { PresenceUser } from "@/lib/collab/mapConnection";
import type { CiteLine } from "@/components/sources/EvidenceCard";
import type { DropZone } from "./outlineMoves";

/** What the map editor offers the views: every change goes through these, with the user's origin. */
export interface MapActions {
  select(id: string | null): void;
  startEdit(id: string): void;
  stopEdit(focusRow?: boolean): void;
  addChild(parentId: string, stance: Stance): void;
  addSibling(id: string): void;
  /** `byPointer`: from a row's delete button (a second click right after a delete is ignored). */
  remove(id: string, byPointer?: boolean): void;
  indent(id: string): void;
  outdent(id: string): void;
  reorder(id: string, delta: -1 | 1): void;
  drop(dragId: string, targetId: string, zone: DropZone): void;
  toggleStance(id: string): void;
  toggleCollapsed(id: string, open?: boolean): void;
  undo(): void;
  redo(): void;
  onEditor(editor: Editor | null): void;
}

export interface OutlineContextValue {
  doc: Y.Doc;
  mapId: string;
  sources: Record<string, CiteLine>;
  citationsByClaim: Map<string, CitationData[]>;
  selectedId: string | null;
  editingId: string | null;
  collapsed: ReadonlySet<string>;
  editingBy: Record<string, { name: string; color: string }[]>;
  readOnly: boolean;
  awareness: Awareness | null;
  user: PresenceUser;
  actions: MapActions;
  /** Id of the row that takes Tab focus (roving tabindex). */
  focusId: string | null;
  registerRow(id: string, element: HTMLElement | null): void;
  onRowKey(event: KeyboardEvent<HTMLElement>, node: TreeNode): void;
  dragId: string | null;
  setDragId(id: string | null): void;
  dropTarget: { id: string; zone: DropZone } | null;
  setDropTarget(target: { id: string; zone: DropZone } | null): void;
}

export const OutlineContext = createContext<OutlineContextValue | null>(null);

export function useOutline(): OutlineContextValue {
  const value = useContext(OutlineContext);
  if (!value) throw new Error("useOutline outside OutlineContext");
  return value;
}
