import type { ReactNode } from "react";
import type { RichNode } from "@/lib/argument/claimBody";

// Renders stored claim content through React elements only: unknown node types degrade to
// their text, and link hrefs are limited to http(s)/mailto so no script URL reaches the DOM.
function safeHref(href: unknown): string | undefined {
  return typeof href === "string" && /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

function renderText(node: RichNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") out = <strong>{out}</strong>;
    else if (mark.type === "italic") out = <em>{out}</em>;
    else if (mark.type === "strike") out = <s>{out}</s>;
    else if (mark.type === "code") out = <code>{out}</code>;
    else if (mark.type === "link") {
      const href = safeHref(mark.attrs?.href);
      out = href ? <a href={href} rel="noopener noreferrer nofollow" target="_blank">{out}</a> : out;
    }
  }
  return <span key={key}>{out}</span>;
}

function renderNode(node: RichNode, key: number): ReactNode {
  const children = (node.content ?? []).map((child, i) => renderNode(child, i));
  switch (node.type) {
    case "text":
      return renderText(node, key);
    case "paragraph":
      return <p key={key}>{children}</p>;
    case "bulletList":
      return <ul key={key}>{children}</ul>;
    case "orderedList":
      return <ol key={key}>{children}</ol>;
    case "listItem":
      return <li key={key}>{children}</li>;
    case "hardBreak":
      return <br key={key} />;
    default:
      return <span key={key}>{children}</span>;
  }
}

export function RichTextView({ node, className }: { node: RichNode | null; className?: string }) {
  if (!node) return null;
  return <div className={className}>{(node.content ?? []).map((child, i) => renderNode(child, i))}</div>;
}
