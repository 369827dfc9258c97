"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { citationsMap } from "@/lib/argument/claimSchema";
import { removeCitation } from "@/lib/argument/mapOperations";
import { acceptReanchoring, citationsNeedingReview, reanchorSourceCitations } from "@/lib/argument/citationReanchoring";
import styles from "./SourcesPanel.module.css";
import { uploadWithProgress } from "./uploadWithProgress";

async function fetchText(mapId: string, sourceId: string, version: number): Promise<string> {
  const res = await fetch(`/api/maps/${mapId}/sources/${sourceId}?version=${version}`);
  const json = (await res.json()) as { text?: string; error?: string };
  if (!res.ok || typeof json.text !== "string") throw new Error(json.error ?? `Could not load version ${version}.`);
  return json.text;
}

/** "Import a new version": uploads version n+1, re-anchors this map's citations in the live doc, lists what needs review. */
export function ImportVersion({ mapId, sourceId, doc, origin }: { mapId: string; sourceId: string; doc: Y.Doc; origin: unknown }) {
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "ok" | "error" } | null>(null);
  const review = useSyncExternalStore(
    (listener) => {
      const map = citationsMap(doc);
      map.observeDeep(listener);
      return () => map.unobserveDeep(listener);
    },
    () => JSON.stringify(citationsNeedingReview(doc, sourceId).map((r) => [r.citation.id, r.reason, r.citation.exact, r.citation.sourceVersion])),
    () => "[]",
  );
  const items = JSON.parse(review) as [string, "orphaned" | "fuzzy", string, number][];

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (file instanceof File && file.name) form.delete("text");
    else form.delete("file");
    setProgress(0);
    try {
      const { status, json } = await uploadWithProgress(`/api/maps/${mapId}/sources/${sourceId}/versions`, form, setProgress);
      if (status !== 201) throw new Error(typeof json.error === "string" ? json.error : `The server answered ${status}.`);
      const version = Number(json.version);
      // Every card on an older version follows, through each version in between.
      const { moved, orphaned, fuzzy } = await reanchorSourceCitations(
        doc,
        { sourceId, newVersion: version, loadText: (v) => fetchText(mapId, sourceId, v) },
        origin,
      ).then((r) => ({ moved: r.moved, orphaned: r.orphaned.length, fuzzy: r.fuzzy.length }));
      setMessage({ text: `Version ${version} imported: ${moved} card${moved === 1 ? "" : "s"} re-anchored${fuzzy ? ` (${fuzzy} approximately — review below)` : ""}, ${orphaned} not found.`, tone: "ok" });
      (event.target as HTMLFormElement).reset();
      router.refresh();
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), tone: "error" });
    } finally {
      setProgress(null);
    }
  };

  return (
    <div data-testid="import-version">
      <h4 className={styles.h4}>Import a new version</h4>
      <form className={styles.form} onSubmit={submit}>
        <div className={styles.row}>
          <label className={styles.field}>
            File
            <input name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.pdf" />
          </label>
          <label className={styles.field}>
            …or paste the new text
            <textarea name="text" rows={2} />
          </label>
        </div>
        {progress !== null && <progress max={1} value={progress} aria-label="Upload progress" />}
        <div>
          <button type="submit" className="button secondary" disabled={progress !== null}>
            Import and re-anchor
          </button>
        </div>
      </form>
      {message && (
        <p className={message.tone === "error" ? "error" : styles.ok} role="status">
          {message.text}
        </p>
      )}
      {items.length > 0 && (
        <div className={styles.review} data-testid="reanchor-review">
          <strong>Cards to review ({items.length})</strong>
          <ul className={styles.list}>
            {items.map(([id, reason, exact, v]) => (
              <li key={id} data-citation-id={id} data-reason={reason}>
                {reason === "orphaned" ? `Not found in the new version (still on v${v}): ` : "Moved to an approximate match: "}“{exact.length > 100 ? exact.slice(0, 99) + "…" : exact}”{" "}
                {reason === "fuzzy" ? (
                  <button type="button" className="button secondary" onClick={() => acceptReanchoring(doc, id, origin)}>
                    Accept
                  </button>
                ) : (
                  <button type="button" className="button secondary" onClick={() => removeCitation(doc, id, origin)}>
                    Remove card
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
