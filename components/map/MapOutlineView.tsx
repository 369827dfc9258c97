import type { MapOutline, OutlineNode } from "@/lib/argument/mapOutline";
import { EvidenceCard, type CiteLine } from "@/components/sources/EvidenceCard";
import { RichTextView } from "./RichTextView";
import { StanceBadge } from "./StanceBadge";
import styles from "./MapOutlineView.module.css";

interface Props {
  mapId: string;
  outline: MapOutline;
  sources: Record<string, CiteLine>;
}

function ClaimItem({ node, mapId, sources }: { node: OutlineNode } & Omit<Props, "outline">) {
  const tone = node.kind === "position" ? styles.position : node.stance === "con" ? styles.con : node.kind === "claim" ? styles.pro : "";
  return (
    <li className={styles.item} data-claim-id={node.id} data-kind={node.kind} data-stance={node.stance ?? undefined}>
      <div className={`${styles.claim} ${tone}`}>
        <StanceBadge kind={node.kind} stance={node.stance} />
        <RichTextView node={node.body} className={styles.text} />
      </div>
      {node.citations.length > 0 && (
        <div className={styles.cards}>
          {node.citations.map((c) => (
            <EvidenceCard key={c.id} citation={c} cite={sources[c.sourceId] ?? null} href={`/maps/${mapId}/sources/${c.sourceId}#citation-${c.id}`} />
          ))}
        </div>
      )}
      {node.children.length > 0 && (
        <ul className={styles.children}>
          {node.children.map((child) => (
            <ClaimItem key={child.id} node={child} mapId={mapId} sources={sources} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function MapOutlineView({ mapId, outline, sources }: Props) {
  if (!outline.root) return <p className="notice">This map has no question yet.</p>;
  return (
    <div className={styles.outline} data-testid="map-outline">
      <h2 className={styles.question}>
        <RichTextView node={outline.root.body} />
      </h2>
      <ul className={styles.positions}>
        {outline.root.children.map((child) => (
          <ClaimItem key={child.id} node={child} mapId={mapId} sources={sources} />
        ))}
      </ul>
      {outline.detached.length > 0 && (
        <section className={styles.detached}>
          <h3>Detached claims</h3>
          <p className="muted small">Their parent was deleted or moved away while they were edited; nothing is lost.</p>
          <ul className={styles.children}>
            {outline.detached.map((node) => (
              <ClaimItem key={node.id} node={node} mapId={mapId} sources={sources} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
