"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { claimBodyFragment, claimPlainText } from "@/lib/argument/claimBody";
import { addSourceId } from "@/lib/argument/mapOperations";
import type { MapTree } from "@/lib/argument/mapTree";
import { readCitations } from "@/lib/argument/claimSchema";
import { sourceCoverage, unsupportedClaims } from "@/lib/sources/coverage";
import { positionColor, positionsInOrder } from "@/lib/sources/positionOf";
import { AddSourceForm } from "./AddSourceForm";
import { ImportVersion } from "./ImportVersion";
import styles from "./SourcesPanel.module.css";

export interface PanelSource {
  id: string;
  title: string;
  latestVersion: number;
}

interface Props {
  mapId: string;
  sources: PanelSource[];
  doc: Y.Doc;
  origin: unknown;
  tree: MapTree;
  /** Changes whenever citations change, so coverage recomputes. */
  citationCount: number;
  canEdit: boolean;
  /** Opens a source in the workspace's reader beside the map (absent: only the reader page). */
  onRead?: (sourceId: string) => void;
}

function textOf(doc: Y.Doc, id: string): string {
  const f = claimBodyFragment(doc, id);
  return f ? claimPlainText(f).replace(/\s+/g, " ").trim() : "";
}

/** Sources of the map: coverage per source, unsupported claims, and (for editors) add a source or a new version. */
export function SourcesPanel({ mapId, sources, doc, origin, tree, citationCount, canEdit, onRead }: Props) {
  const router = useRouter();
  const [added, setAdded] = useState<string | null>(null);
  const unsupported = useMemo(() => {
    void citationCount;
    return unsupportedClaims(tree, readCitations(doc));
  }, [tree, doc, citationCount]);

  return (
    <details className={styles.panel} data-testid="sources-panel">
      <summary>
        Sources &amp; coverage <span className="muted small">({sources.length} source{sources.length === 1 ? "" : "s"} · {unsupported.length} unsupported claim{unsupported.length === 1 ? "" : "s"})</span>
      </summary>
      <div className={styles.body}>
        {sources.map((s) => (
          <SourceCoverageView key={s.id} mapId={mapId} source={s} doc={doc} origin={origin} tree={tree} citationCount={citationCount} canEdit={canEdit} onRead={onRead} />
        ))}
        <section data-testid="unsupported-claims">
          <h3 className={styles.h3}>Claims with no evidence ({unsupported.length})</h3>
          {unsupported.length === 0 ? (
            <p className="muted small">Every pro/con claim has at least one evidence card.</p>
          ) : (
            <ul className={styles.list}>
              {unsupported.map((c) => (
                <li key={c.id} data-unsupported-claim-id={c.id}>
                  <span className={c.stance === "con" ? styles.con : styles.pro}>{c.stance}</span> {textOf(doc, c.id) || "(empty claim)"}
                </li>
              ))}
            </ul>
          )}
        </section>
        {canEdit && (
          <section>
            <h3 className={styles.h3}>Add a source</h3>
            {added && (
              <p className={styles.ok} role="status" data-testid="add-source-done">
                Added “{added}”.
              </p>
            )}
            <AddSourceForm
              mapId={mapId}
              onAdded={(source) => {
                addSourceId(doc, source.id, origin);
                setAdded(source.title);
                router.refresh();
              }}
            />
          </section>
        )}
      </div>
    </details>
  );
}

function SourceCoverageView({ mapId, source, doc, origin, tree, citationCount, canEdit, onRead }: Omit<Props, "sources"> & { source: PanelSource }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<{ version: number; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || (loaded && loaded.version === source.latestVersion)) return;
    let cancelled = false;
    fetch(`/api/maps/${mapId}/sources/${source.id}`)
      .then(async (res) => {
        const json = (await res.json()) as { version?: number; text?: string; error?: string };
        if (cancelled) return;
        if (!res.ok || typeof json.text !== "string") setError(json.error ?? `The server answered ${res.status}.`);
        else setLoaded({ version: json.version ?? source.latestVersion, text: json.text });
      })
      .catch(() => !cancelled && setError("Could not load the source text."));
    return () => {
      cancelled = true;
    };
  }, [open, loaded, mapId, source.id, source.latestVersion]);

  const coverage = useMemo(() => {
    void citationCount;
    return loaded ? sourceCoverage({ sourceId: source.id, version: loaded.version, text: loaded.text, citations: readCitations(doc), tree }) : null;
  }, [loaded, source.id, doc, tree, citationCount]);
  const positions = positionsInOrder(tree);

  return (
    <details className={styles.source} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="source-coverage" data-source-id={source.id}>
      <summary>
        <strong>{source.title}</strong> <span className="muted small">v{source.latestVersion}</span>
        {coverage && (
          <span className={styles.meter} title={`${coverage.citedChars} of ${coverage.textLength} characters cited`}>
            <span style={{ width: `${Math.round(coverage.share * 100)}%` }} />
          </span>
        )}
        {coverage && (
          <span className="small" data-testid="coverage-share">
            {Math.round(coverage.share * 100)}% cited · {coverage.cardCount} card{coverage.cardCount === 1 ? "" : "s"}
          </span>
        )}
      </summary>
      {onRead && (
        <button type="button" className="button secondary" style={{ padding: "2px 10px", fontSize: "0.85rem", margin: "6px 0" }} onClick={() => onRead(source.id)} data-testid="read-beside-map">
          Read beside the map
        </button>
      )}
      {error && <p className="error">{error}</p>}
      {!coverage && !error && <p className="muted small">Loading the text…</p>}
      {coverage && (
        <div className={styles.detail}>
          <p className="small">
            <Link href={`/maps/${mapId}/sources/${source.id}`}>Open in the reader</Link>
          </p>
          <h4 className={styles.h4}>Cards per position</h4>
          <ul className={styles.list} data-testid="cards-per-position">
            {coverage.cardsPerPosition.map((p) => (
              <li key={p.positionId ?? "none"}>
                <span className={styles.bar} style={{ background: positionColor(p.positionId ? positions.indexOf(p.positionId) : -1) }} />
                {p.positionId ? textOf(doc, p.positionId) || "(untitled position)" : "Outside any position"}: <strong>{p.count}</strong>
              </li>
            ))}
          </ul>
          <h4 className={styles.h4}>Uncited paragraphs ({coverage.uncitedParagraphs.length})</h4>
          <ul className={`${styles.list} ${styles.paragraphs}`} data-testid="uncited-paragraphs">
            {coverage.uncitedParagraphs.map((p) => (
              <li key={p.start}>
                <a href={`/maps/${mapId}/sources/${source.id}#p-${p.start}`}>{p.text.length > 140 ? p.text.slice(0, 139) + "…" : p.text}</a>
              </li>
            ))}
          </ul>
          {canEdit && <ImportVersion mapId={mapId} sourceId={source.id} doc={doc} origin={origin} />}
        </div>
      )}
    </details>
  );
}
