"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";

/** Whether the structural undo manager can undo / redo, kept current. */
export function useUndoState(undoManager: Y.UndoManager): { canUndo: boolean; canRedo: boolean } {
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    const update = () => setState({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() });
    update();
    undoManager.on("stack-item-added", update);
    undoManager.on("stack-item-popped", update);
    undoManager.on("stack-cleared", update);
    return () => {
      undoManager.off("stack-item-added", update);
      undoManager.off("stack-item-popped", update);
      undoManager.off("stack-cleared", update);
    };
  }, [undoManager]);
  return state;
}
