import Link from "next/link";
import * as Y from "yjs";
import { MapEditor } from "@/components/map/MapEditor";
import type { CiteLine } from "@/components/sources/EvidenceCard";
import { readMeta } from "@/lib/argument/claimSchema";
import { bytesToBase64 } from "@/lib/collab/base64";
import { loadMapState } from "@/lib/db/mapState";
import { findMap } from "@/lib/db/maps";
import { listMapSources } from "@/lib/db/sources";
import { listMapMembers } from "@/lib/db/mapMembers";
import { SharePanel } from "@/components/map/SharePanel";
import { MapOwnerTools } from "@/components/maps/MapOwnerTools";
import { listTeamsForUser } from "@/lib/db/teams";
import { findUserProfile } from "@/lib/db/userProfile";
import { requireMapRead } from "./mapAccessPage";
import { can } from "@/lib/auth/policy";

export const dynamic = "force-dynamic";

export default async function MapPage({ params }: { params: Promise<{ mapId: string }> }) {
  const { mapId } = await params;
  const gate = await requireMapRead(mapId, `/maps/${mapId}`);
  if ("denied" in gate) return gate.denied;
  // The profile, not the session, for name and colour: both can change after sign-in.
  const [map, state, sources, profile] = await Promise.all([findMap(mapId), loadMapState(mapId), listMapSources(mapId), findUserProfile(gate.user.id)]);
  // The title for the heading; the map itself renders on the client from the same state.
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const title = readMeta(doc).title || map?.title || "Untitled map";
  doc.destroy();
  const cites: Record<string, CiteLine> = Object.fromEntries(
    sources.map((s) => [
      s.id,
      { title: s.title, author: s.author, authorQualifications: s.authorQualifications, publisher: s.publisher, publishedAt: s.publishedAt?.toISOString() ?? null, url: s.url, accessedAt: s.accessedAt?.toISOString() ?? null, latestVersion: s.latestVersion },
    ]),
  );
  const { user, access } = gate;
  return (
    <main className="workspacePage">
      <header className="workspaceHeader">
        <p className="muted small" style={{ margin: 0 }}>
          <Link href="/maps">My maps</Link> › {access.role}
        </p>
        <h1>{title}</h1>
        {sources.length > 0 && (
          <p className="small" style={{ margin: 0 }}>
            <span className="muted">Source{sources.length === 1 ? "" : "s"}: </span>
            {sources.map((s, i) => (
              <span key={s.id}>
                {i > 0 && " · "}
                <Link href={`/maps/${mapId}/sources/${s.id}`}>{s.title}</Link>
              </span>
            ))}
          </p>
        )}
      </header>
      <MapEditor
        mapId={mapId}
        initialState={bytesToBase64(state)}
        user={{ id: user.id, name: profile?.name ?? user.name, color: profile?.color ?? null }}
        role={access.role}
        readOnly={access.readOnly}
        sources={cites}
        sourceList={sources.map((s) => ({ id: s.id, title: s.title, latestVersion: s.latestVersion }))}
        share={
          can(user, "map.share", { kind: "map", role: access.role }) ? (
            <SharePanel mapId={mapId} me={user.id} initialMembers={await listMapMembers(mapId)}>
              <MapOwnerTools
                mapId={mapId}
                title={title}
                teamId={map?.teamId ?? null}
                teams={(await listTeamsForUser(user.id)).filter((t) => t.id === map?.teamId || can(user, "team.createMap", { kind: "team", role: t.role }))}
              />
            </SharePanel>
          ) : null
        }
      />
    </main>
  );
}
