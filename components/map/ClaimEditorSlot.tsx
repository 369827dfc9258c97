"use client";

import { useMemo } from "react";
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { claimBodyFragment } from "@/lib/argument/claimBody";
import type { PresenceUser } from "@/lib/collab/mapConnection";
import { ClaimEditor } from "./ClaimEditor";
import type { MapActions } from "./outlineContext";

/** The single editor, bound to one claim, wherever the current view puts it. */
export function ClaimEditorSlot({
  doc,
  claimId,
  awareness,
  user,
  actions,
  label,
}: {
  doc: Y.Doc;
  claimId: string;
  awareness: Awareness | null;
  user: PresenceUser;
  actions: MapActions;
  label: string;
}) {
  const fragment = claimBodyFragment(doc, claimId);
  const commands = useMemo(
    () => ({
      exit: () => actions.stopEdit(true),
      addSibling: () => actions.addSibling(claimId),
      indent: () => actions.indent(claimId),
      outdent: () => actions.outdent(claimId),
      addChild: (stance: "pro" | "con") => actions.addChild(claimId, stance),
      toggleStance: () => actions.toggleStance(claimId),
      reorder: (delta: -1 | 1) => actions.reorder(claimId, delta),
    }),
    [actions, claimId],
  );
  if (!awareness) return <p className="muted small">Opening the editor…</p>;
  if (!fragment) return <p className="muted small">This claim’s text cannot be edited (its stored body is damaged).</p>;
  return (
    <ClaimEditor
      key={claimId}
      claimId={claimId}
      fragment={fragment}
      awareness={awareness}
      user={user}
      commands={commands}
      onEditor={actions.onEditor}
      label={label}
    />
  );
}
