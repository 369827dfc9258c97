"use client";

import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * A height (px) that takes the element from where it starts on the page down to the bottom
 * of the window, so a workspace pane (the graph, the flow) fills the screen instead of a
 * fixed box. When much of the page sits above it, never less than `minShare` of the
 * window: the pane then fills the screen once scrolled to. Null until measured.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, gap = 12, minShare = 0.7, min = 360): number | null {
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      const windowHeight = window.innerHeight;
      setHeight(Math.round(Math.max(windowHeight - top - gap, windowHeight * minShare, min)));
    };
    measure();
    // What sits above (the toolbar wrapping, a panel opening) moves the pane's top.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [ref, gap, minShare, min]);
  return height;
}
