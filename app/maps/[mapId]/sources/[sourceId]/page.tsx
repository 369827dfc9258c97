import Link from "next/link";
import { notFound } from "next/navigation";
import { SourceReader } from "@/components/sources/SourceReader";
import { findMapSource, listSourceCitationsWithClaims } from "@/lib/db/sources";
import { requireMapRead } from "../../mapAccessPage";

export const dynamic = "force-dynamic";

export default async function SourcePage({ params }: { params: Promise<{ mapId: string; sourceId: string }> }) {
  const { mapId, sourceId } = await params;
  const gate = await requireMapRead(mapId, `/maps/${mapId}/sources/${sourceId}`);
  if ("denied" in gate) return gate.denied;
  const found = await findMapSource(mapId, sourceId);
  if (!found) notFound();
  const citations = (await listSourceCitationsWithClaims(mapId, sourceId)).filter((c) => c.sourceVersion === found.version);
  const { source } = found;
  const meta = [source.author, source.publisher, source.publishedAt?.toLocaleDateString("en-US", { dateStyle: "medium" })].filter(Boolean);
  return (
    <main className="page">
      <p className="muted small" style={{ margin: 0 }}>
        <Link href="/maps">My maps</Link> › <Link href={`/maps/${mapId}`}>Back to the map</Link>
      </p>
      <h1 style={{ marginTop: 4 }}>{source.title}</h1>
      <p className="muted small">
        {meta.length ? meta.join(" · ") + " · " : ""}version {found.version} · {citations.length} cited passages{" "}
        <span aria-hidden style={{ background: "var(--mark-pro)", padding: "0 6px", marginLeft: 8 }}>pro</span>{" "}
        <span aria-hidden style={{ background: "var(--mark-con)", padding: "0 6px" }}>con</span>
        {source.url && (
          <>
            {" · "}
            <a href={source.url} rel="noopener noreferrer nofollow">original</a>
          </>
        )}
      </p>
      <SourceReader
        text={found.text}
        citations={citations.map((c) => ({ id: c.id, start: c.start, end: c.end, stance: c.claim?.stance ?? null, claimText: c.claim?.text ?? "" }))}
      />
    </main>
  );
}
