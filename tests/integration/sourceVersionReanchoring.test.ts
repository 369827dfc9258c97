import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { HttpSession } from "../support/httpSession";
import { CollabClient, waitFor } from "../support/collabClient";
import { readAllClaims, readCitations } from "../../lib/argument/claimSchema";
import { reanchorSourceCitations } from "../../lib/argument/citationReanchoring";
import { addEvidenceFromSelection } from "../../lib/sources/evidenceFromSelection";

logSkipReasonOnce();

// A version import end to end: the source and its versions go through the real HTTP routes, the
// citation lives in the map's doc on the real collaboration server, and the re-anchoring is the
// code the import form runs (reanchorSourceCitations) on a client's synced doc.

const PASSWORD = "demo-secret-reanchor";
const CITED = "Strikes would anger Mexico's government.";
const V1 = `Cartels run fuel theft rings across the north. ${CITED} Talks resume in May.`;
// Words inserted inside the cited sentence: 60% longer than the quote.
const GROWN = "Strikes would, officials in both capitals warn, anger Mexico's government.";
const V2 = `Cartels run fuel theft rings across the north. ${GROWN} Talks resume in May.`;
const V3 = `Update: talks were moved.\nCartels run fuel theft rings across the north. ${GROWN} Talks resume in June.`;

function textForm(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describe.each(DATABASE_KINDS)("re-anchoring cards on a version import on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let owner: HttpSession;
  let mapId: string;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, DEMO_PASSWORD: PASSWORD });
    owner = new HttpSession(server.url);
    expect(await owner.signIn("demo@claimboard.local", PASSWORD)).toBe(true);
    [{ id: mapId }] = (await (await owner.fetch("/api/maps")).json()) as { id: string }[];
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  const connect = async () => {
    const client = new CollabClient(server.url, mapId, owner.cookieHeader());
    clients.push(client);
    await client.whenSynced();
    return client;
  };
  const importVersion = async (sourceId: string, text: string) => {
    const res = await owner.fetch(`/api/maps/${mapId}/sources/${sourceId}/versions`, { method: "POST", body: textForm({ text }) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { version: number }).version;
  };
  const loadText = (sourceId: string) => async (version: number) => {
    const res = await owner.fetch(`/api/maps/${mapId}/sources/${sourceId}?version=${version}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { text: string }).text;
  };

  it("moves a card whose sentence grew inside onto the full new sentence, through every version since its own", async () => {
    const created = await owner.fetch(`/api/maps/${mapId}/sources`, { method: "POST", body: textForm({ title: "Wire report", text: V1 }) });
    expect(created.status).toBe(201);
    const { id: sourceId } = (await created.json()) as { id: string };

    const editor = await connect();
    const claim = readAllClaims(editor.doc).find((c) => c.kind !== "question")!;
    const start = V1.indexOf(CITED);
    const { citationId } = addEvidenceFromSelection(editor.doc, { text: V1, range: { start, end: start + CITED.length }, sourceId, sourceVersion: 1, target: { kind: "existing", claimId: claim.id }, tag: "", authorId: null });

    // v2 is imported without re-anchoring (as by another map's member); the card stays on v1.
    expect(await importVersion(sourceId, V2)).toBe(2);
    expect(await importVersion(sourceId, V3)).toBe(3);
    const report = await reanchorSourceCitations(editor.doc, { sourceId, newVersion: 3, loadText: loadText(sourceId) });
    expect(report).toMatchObject({ moved: 1, orphaned: [], fuzzy: [citationId] });

    // A fresh client sees what the server kept: the card on v3, with the whole grown sentence.
    const reader = await connect();
    const onServer = () => readCitations(reader.doc).find((c) => c.id === citationId);
    await waitFor(() => onServer()?.sourceVersion === 3, 10_000, "the re-anchored card on the server");
    expect(onServer()).toMatchObject({ sourceVersion: 3, exact: GROWN, start: V3.indexOf(GROWN), end: V3.indexOf(GROWN) + GROWN.length });
  });
});
