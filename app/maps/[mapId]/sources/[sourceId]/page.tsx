import Link from "next/link";
import { notFound } from "next/navigation";
import { SourceWorkspace } from "@/components/sources/SourceWorkspace";
import { bytesToBase64 } from "@/lib/collab/base64";
import { loadMapState } from "@/lib/db/mapState";
import { findMapSource } from "@/lib/db/sources";
import { requireMapRead } from "../../mapAccessPage";

export const dynamic = "force-dynamic";

export default async function SourcePage({ params }: { params: Promise<{ mapId: string; sourceId: string }> }) {
  const { mapId, sourceId } = await params;
  const gate = await requireMapRead(mapId, `/maps/${mapId}/sources/${sourceId}`);
  if ("denied" in gate) return gate.denied;
  const [found, state] = await Promise.all([findMapSource(mapId, sourceId), loadMapState(mapId)]);
  if (!found) notFound();
  const { source } = found;
  const { user, access } = gate;
  const meta = [
    source.author ? source.author + (source.authorQualifications ? `, ${source.authorQualifications}` : "") : null,
    source.publisher,
    source.publishedAt?.toLocaleDateString("en-US", { dateStyle: "medium" }),
  ].filter(Boolean);
  return (
    <main className="page">
      <p className="muted small" style={{ margin: 0 }}>
        <Link href="/maps">My maps</Link> › <Link href={`/maps/${mapId}`}>Back to the map</Link>
      </p>
      <h1 style={{ marginTop: 4 }}>{source.title}</h1>
      <p className="muted small">
        {meta.length ? meta.join(" · ") + " · " : ""}version {found.version}
        {source.url && (
          <>
            {" · "}
            <a href={source.url} rel="noopener noreferrer nofollow">original</a>
          </>
        )}
        {source.accessedAt && <> · accessed {source.accessedAt.toLocaleDateString("en-US", { dateStyle: "medium" })}</>}
      </p>
      <SourceWorkspace
        mapId={mapId}
        sourceId={sourceId}
        version={found.version}
        text={found.text}
        initialState={bytesToBase64(state)}
        user={{ id: user.id, name: user.name }}
        role={access.role}
        readOnly={access.readOnly}
      />
    </main>
  );
}
