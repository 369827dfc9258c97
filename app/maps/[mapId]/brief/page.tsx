import Link from "next/link";
import type { Metadata } from "next";
import { loadMapBrief } from "@/lib/interchange/mapBrief";
import { percent } from "@/lib/interchange/briefMarkdown";
import { requireMapRead } from "../mapAccessPage";
import { BriefSection, BriefCardView, type BriefSide } from "./BriefView";
import styles from "./brief.module.css";
import { SwapSidesButton } from "./SwapSidesButton";
import { BriefExportButton } from "./BriefExportButton";
import { briefFileName } from "@/lib/interchange/mapBrief";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Debate brief · Claimboard" };

type Props = { params: Promise<{ mapId: string }>; searchParams: Promise<{ side?: string | string[] }> };

export default async function BriefPage({ params, searchParams }: Props) {
  const { mapId } = await params;
  const side: BriefSide = (await searchParams).side === "neg" ? "neg" : "aff";
  const gate = await requireMapRead(mapId, `/maps/${mapId}/brief${side === "neg" ? "?side=neg" : ""}`);
  if ("denied" in gate) return gate.denied;
  const brief = await loadMapBrief(mapId, side);
  const api = `/api/maps/${mapId}/brief?side=${side}`;
  const otherLabel = side === "aff" ? "Negative" : "Affirmative";
  return (
    <main className={`page ${styles.brief}`}>
      <nav className={`${styles.toolbar} ${styles.noPrint}`} aria-label="Brief options">
        <p className="muted small" style={{ margin: 0 }}>
          <Link href="/maps">My maps</Link> › <Link href={`/maps/${mapId}`}>{brief.title}</Link> › Debate brief
        </p>
        <div className={styles.actions}>
          <span className={styles.switch} role="group" aria-label="Side">
            <Link href={`/maps/${mapId}/brief?side=aff`} aria-current={side === "aff" ? "page" : undefined} data-testid="brief-side-aff">Affirmative</Link>
            <Link href={`/maps/${mapId}/brief?side=neg`} aria-current={side === "neg" ? "page" : undefined} data-testid="brief-side-neg">Negative</Link>
          </span>
          {!gate.access.readOnly && (
            <SwapSidesButton
              mapId={mapId}
              user={{ id: gate.user.id, name: gate.user.name }}
              role={gate.access.role}
              currentAff={side === "aff" ? (brief.position?.claimId ?? null) : (brief.opponent?.claimId ?? null)}
            />
          )}
          <Link className="button secondary" href={`/maps/${mapId}/flow`} data-testid="brief-flow-link">Flow</Link>
          <BriefExportButton href={`${api}&format=md`} label="Download .md" fallbackName={briefFileName(brief, "md")} testId="brief-download-md" />
          <BriefExportButton href={`${api}&format=docx`} label="Download .docx" fallbackName={briefFileName(brief, "docx")} testId="brief-download-docx" />
        </div>
      </nav>

      <header className={styles.pocket}>
        <p className={styles.sideLabel}>{brief.sideLabel}</p>
        <h1>{brief.position?.text ?? "No position for this side"}</h1>
        <p className={styles.meta}>
          <strong>Resolution:</strong> {brief.resolution}
          <br />
          <strong>Map:</strong> {brief.title}
        </p>
        {brief.position && brief.opponent && (
          <div className={styles.balance} aria-label="Position balance">
            <div className={styles.balanceBar}>
              <span className={styles.ours} style={{ width: percent(brief.position.share) }} />
              <span className={styles.theirs} style={{ width: percent(brief.opponent.share) }} />
            </div>
            <div className={styles.balanceLegend}>
              <span>{brief.sideLabel} {percent(brief.position.share)} <span className="muted">(strength {percent(brief.position.strength)})</span></span>
              <span>{otherLabel} {percent(brief.opponent.share)} <span className="muted">(strength {percent(brief.opponent.strength)})</span></span>
            </div>
          </div>
        )}
        {brief.position?.cards.map((c) => <BriefCardView key={c.citationId} card={c} />)}
      </header>

      <BriefSection title="Contentions" empty={brief.contentions.length === 0}>
        {brief.contentions.map((c, i) => (
          <BriefSection.Block key={c.claimId} heading={`Contention ${i + 1}: ${c.text}`} argument={c} />
        ))}
      </BriefSection>

      <BriefSection title="Answers to their attacks" empty={brief.answers.length === 0}>
        {brief.answers.map((a, i) => (
          <BriefSection.Block key={a.attack.claimId} heading={`A${i + 1}. They say: ${a.attack.text}`} argument={a.attack} target={a.target.text} />
        ))}
      </BriefSection>

      <BriefSection title="Off-case: attacks on their position" empty={brief.offCase.length === 0} note={brief.opponent ? `Their position: ${brief.opponent.text}` : undefined}>
        {brief.offCase.map((a, i) => (
          <BriefSection.Block key={a.attack.claimId} heading={`Off ${i + 1}. ${a.attack.text}`} argument={a.attack} target={a.target.text} />
        ))}
      </BriefSection>
    </main>
  );
}
