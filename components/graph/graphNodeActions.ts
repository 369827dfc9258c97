"use client";

import { createContext, useContext } from "react";

/** What a node's own controls do; the canvas provides them (nodes get data, not callbacks). */
export interface GraphNodeActions {
  toggleCollapsed(id: string): void;
  toggleFocus(id: string): void;
}

export const GraphNodeActionsContext = createContext<GraphNodeActions | null>(null);

export function useGraphNodeActions(): GraphNodeActions | null {
  return useContext(GraphNodeActionsContext);
}
