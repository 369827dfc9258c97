"use client";

import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { PresenceState, PresenceUser } from "@/lib/collab/mapConnection";
import { isPresenceColor, presenceFromStates, type Presence } from "@/lib/collab/presenceStates";

export type { Presence, PresenceUser, PresenceState };

const EMPTY: Presence = { people: [], editingBy: {} };

/** Everyone in the map (one entry per user) and who edits which claim, from awareness. */
export function usePresence(awareness: Awareness | null): Presence {
  const [presence, setPresence] = useState<Presence>(EMPTY);
  useEffect(() => {
    if (!awareness) {
      setPresence(EMPTY);
      return;
    }
    const update = () => setPresence(presenceFromStates(awareness.getStates(), awareness.clientID));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);
  return presence;
}

export { isPresenceColor };
