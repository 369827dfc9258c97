"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import * as Y from "yjs";
import { MapConnection } from "@/lib/collab/mapConnection";
import { bytesToBase64 } from "@/lib/collab/base64";
import { buildMapTree } from "@/lib/argument/mapTree";
import { swapSides } from "@/lib/argument/debateSides";

const WAIT_MS = 10_000;

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Swaps which position is affirmative. The assignment lives in the map's Yjs doc, so this
 * joins the map's live session for a moment, makes the edit like any editor would, waits
 * until the server has stored it (GET …/sides), and reloads the brief.
 */
export function SwapSidesButton({ mapId, user, role, currentAff }: { mapId: string; user: { id: string; name: string }; role: string; currentAff: string | null }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const swap = async () => {
    setState({ busy: true, error: null });
    const conn = new MapConnection({ mapId, user, role, readOnly: false, initialState: bytesToBase64(Y.encodeStateAsUpdate(new Y.Doc())) });
    try {
      conn.start();
      const deadline = Date.now() + WAIT_MS;
      while (conn.getSnapshot().status !== "connected") {
        const s = conn.getSnapshot();
        if (s.status === "closed") throw new Error(s.closeReason ?? "The server closed the connection.");
        if (Date.now() > deadline) throw new Error("Could not reach the collaboration server.");
        await sleep(100);
      }
      if (conn.getSnapshot().readOnly) throw new Error("Your role cannot change the map.");
      if (!swapSides(conn.doc, buildMapTree(conn.doc), conn.localOrigin)) throw new Error("The map needs two positions to swap.");
      for (;;) {
        const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/sides`, { cache: "no-store" });
        if (response.ok) {
          const sides = (await response.json()) as { aff: { id: string } | null };
          if (sides.aff && sides.aff.id !== currentAff) break;
        }
        if (Date.now() > deadline) throw new Error("The server has not stored the swap yet; reload in a moment.");
        await sleep(250);
      }
      router.refresh();
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: `Sides were not swapped: ${(error as Error).message}` });
    } finally {
      conn.stop();
    }
  };

  return (
    <span>
      <button type="button" className="button secondary" onClick={swap} disabled={state.busy} data-testid="brief-swap-sides" title="Make the negative position the affirmative one (and vice versa)">
        {state.busy ? "Swapping…" : "⇄ Swap sides"}
      </button>
      {state.error && (
        <span role="alert" className="error" style={{ display: "block", margin: "6px 0 0" }}>
          {state.error}
        </span>
      )}
    </span>
  );
}
