"use client";
import { useCallback, useEffect, useState } from "react";

export const PANEL_MIN = 280;
export const PANEL_MAX = 720;
const PANEL_DEFAULT = 380;
// Below 900 px (the CSS breakpoint) the panel stacks above the map instead of beside it; it
// opens by default only where the map keeps most of the width beside it.
const OPEN_BY_DEFAULT_MIN = 1200;

const clamp = (w: number) => Math.max(PANEL_MIN, Math.min(PANEL_MAX, Math.round(w)));

/**
 * Whether the workspace's side panel is open and how wide it is, remembered per user in this
 * browser. Open by default on wide screens, closed on narrower ones until asked for.
 */
export function useSidePanel(userId: string) {
  const key = `claimboard.sidePanel.${userId}`;
  const [state, setState] = useState<{ open: boolean; width: number }>({ open: true, width: PANEL_DEFAULT });

  useEffect(() => {
    let stored: { open?: unknown; width?: unknown } = {};
    try {
      stored = JSON.parse(window.localStorage.getItem(key) ?? "{}");
    } catch {
      // A damaged entry: start from the defaults.
    }
    setState({
      open: typeof stored.open === "boolean" ? stored.open : window.innerWidth >= OPEN_BY_DEFAULT_MIN,
      width: typeof stored.width === "number" ? clamp(stored.width) : PANEL_DEFAULT,
    });
  }, [key]);

  const save = useCallback(
    (next: { open: boolean; width: number }) => {
      setState(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the choice lasts for this page only.
      }
    },
    [key],
  );

  return {
    open: state.open,
    width: state.width,
    setOpen: (open: boolean) => save({ ...state, open }),
    setWidth: (width: number) => save({ ...state, width: clamp(width) }),
  };
}
