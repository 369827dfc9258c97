import Link from "next/link";
import { MapOutlineView } from "@/components/map/MapOutlineView";
import type { CiteLine } from "@/components/sources/EvidenceCard";
import { mapOutline } from "@/lib/argument/mapOutline";
import { loadMapDoc } from "@/lib/db/mapState";
import { findMap } from "@/lib/db/maps";
import { listMapSources } from "@/lib/db/sources";
import { requireMapRead } from "./mapAccessPage";

export const dynamic = "force-dynamic";

export default async function MapPage({ params }: { params: Promise<{ mapId: string }> }) {
  const { mapId } = await params;
  const gate = await requireMapRead(mapId, `/maps/${mapId}`);
  if ("denied" in gate) return gate.denied;
  const [map, doc, sources] = await Promise.all([findMap(mapId), loadMapDoc(mapId), listMapSources(mapId)]);
  const outline = mapOutline(doc);
  const cites: Record<string, CiteLine> = Object.fromEntries(
    sources.map((s) => [
      s.id,
      { title: s.title, author: s.author, authorQualifications: s.authorQualifications, publisher: s.publisher, publishedAt: s.publishedAt?.toISOString() ?? null, url: s.url },
    ]),
  );
  return (
    <main className="page">
      <p className="muted small" style={{ margin: 0 }}>
        <Link href="/maps">My maps</Link> › {gate.access.role}
      </p>
      <h1 style={{ marginTop: 4 }}>{outline.title || map?.title}</h1>
      <section className="panel" style={{ marginBottom: 18 }}>
        <strong>Sources</strong>
        <ul style={{ margin: "6px 0 0", paddingLeft: 18 }}>
          {sources.map((s) => (
            <li key={s.id}>
              <Link href={`/maps/${mapId}/sources/${s.id}`}>{s.title}</Link>
            </li>
          ))}
        </ul>
        <p className="muted small" style={{ margin: "6px 0 0" }}>
          {outline.claimCount} claims · {outline.citationCount} evidence cards
        </p>
      </section>
      <MapOutlineView mapId={mapId} outline={outline} sources={cites} />
    </main>
  );
}
