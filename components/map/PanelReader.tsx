"use client";
import { useEffect, useRef, useState } from "react";
import type { MapConnection, MapConnectionSnapshot } from "@/lib/collab/mapConnection";
import { SourceReaderPane } from "@/components/sources/SourceWorkspace";
import type { PanelSource } from "@/components/sources/SourcesPanel";
import styles from "./SidePanel.module.css";

export interface ReaderRequest {
  sourceId: string;
  /** A card to scroll to and flash. */
  citationId?: string;
  seq: number;
}

type Loaded = { sourceId: string; version: number; text: string } | { sourceId: string; error: string } | null;

/** The source reader in the workspace's side panel: pick a source, read it, cut cards into the map beside it. */
export function PanelReader({
  mapId,
  sources,
  request,
  onPick,
  conn,
  status,
  userId,
}: {
  mapId: string;
  sources: PanelSource[];
  request: ReaderRequest | null;
  onPick(sourceId: string): void;
  conn: MapConnection;
  status: MapConnectionSnapshot;
  userId: string;
}) {
  const sourceId = request?.sourceId ?? sources[0]?.id ?? null;
  const [loaded, setLoaded] = useState<Loaded>(null);
  const wrapRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!sourceId) return;
    let live = true;
    fetch(`/api/maps/${mapId}/sources/${encodeURIComponent(sourceId)}`)
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as { version?: number; text?: string; error?: string };
        if (!live) return;
        if (res.ok && typeof body.text === "string" && typeof body.version === "number") setLoaded({ sourceId, version: body.version, text: body.text });
        else setLoaded({ sourceId, error: body.error ?? `The source could not be loaded (${res.status}).` });
      })
      .catch(() => live && setLoaded({ sourceId, error: "The source could not be loaded; check the connection." }));
    return () => {
      live = false;
    };
  }, [mapId, sourceId]);

  // Scroll to the requested card's passage and flash it, once its text is on screen.
  const ready = loaded !== null && loaded.sourceId === sourceId && "text" in loaded;
  useEffect(() => {
    if (!ready || !request?.citationId) return;
    const target = wrapRef.current?.querySelector<HTMLElement>(`#citation-${CSS.escape(request.citationId)}`);
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    const mark = target.closest("mark") ?? target;
    mark.classList.add(styles.flash);
    const timer = window.setTimeout(() => mark.classList.remove(styles.flash), 1600);
    return () => window.clearTimeout(timer);
  }, [ready, request]);

  if (!sourceId) return <p className="muted small">This map has no source yet: add one under Overview › Sources &amp; coverage.</p>;
  return (
    <div ref={wrapRef} className={styles.reader} data-testid="panel-reader">
      <label className={styles.pick}>
        Source
        <select value={sourceId} onChange={(e) => onPick(e.currentTarget.value)}>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <a href={`/maps/${mapId}/sources/${sourceId}`} className="small">
          Full page
        </a>
      </label>
      {loaded === null || loaded.sourceId !== sourceId ? (
        <p className="muted small">Loading the source…</p>
      ) : "error" in loaded ? (
        <p className="error" role="alert">
          {loaded.error}
        </p>
      ) : (
        <SourceReaderPane key={`${sourceId}-${loaded.version}`} mapId={mapId} sourceId={sourceId} version={loaded.version} text={loaded.text} conn={conn} status={status} userId={userId} besideMap />
      )}
    </div>
  );
}
