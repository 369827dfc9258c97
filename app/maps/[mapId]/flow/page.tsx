import Link from "next/link";
import type { Metadata } from "next";
import { loadMapFlow } from "@/lib/interchange/mapFlow";
import { FlowSheet } from "@/components/flow/FlowSheet";
import { requireMapRead } from "../mapAccessPage";
import styles from "./flow.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flow · Claimboard" };

export default async function FlowPage({ params }: { params: Promise<{ mapId: string }> }) {
  const { mapId } = await params;
  const gate = await requireMapRead(mapId, `/maps/${mapId}/flow`);
  if ("denied" in gate) return gate.denied;
  const flow = await loadMapFlow(mapId);
  return (
    <main className={`page ${styles.flowPage}`}>
      <p className={`muted small ${styles.noPrint}`} style={{ margin: 0 }}>
        <Link href="/maps">My maps</Link> › <Link href={`/maps/${mapId}`}>{flow.title}</Link> › Flow ·{" "}
        <Link href={`/maps/${mapId}/brief`}>Debate brief</Link>
      </p>
      <h1 className={styles.title}>Flow: {flow.resolution}</h1>
      <p className={`muted small ${styles.noPrint}`}>
        Columns are speeches (1AC, 1NC, 2AC, the negative block, 1AR, 2NR, 2AR). Each reply sits in the other side’s next speech, strongest first;
        “dropped” marks an argument the other side never answered.
      </p>
      <FlowSheet flow={flow} />
    </main>
  );
}
