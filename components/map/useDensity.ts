"use client";
import { useEffect, useState } from "react";

export type Density = "comfortable" | "compact";

/** The outline's density, remembered per user in this browser (compact: cards show tag and short cite only). */
export function useDensity(userId: string): [Density, (d: Density) => void] {
  const key = `claimboard.density.${userId}`;
  const [density, setDensity] = useState<Density>("comfortable");
  useEffect(() => {
    if (window.localStorage.getItem(key) === "compact") setDensity("compact");
  }, [key]);
  return [
    density,
    (next) => {
      setDensity(next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Storage disabled: the choice lasts for this page only.
      }
    },
  ];
}
