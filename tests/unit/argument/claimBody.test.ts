import { describe, it, expect } from "vitest";
import * as Y from "yjs";
import { claimBodyJSON, claimPlainText, setClaimPlainText } from "../../../lib/argument";

function fragment(): Y.XmlFragment {
  return new Y.Doc().getXmlFragment("body");
}

function paragraph(...children: (Y.XmlText | Y.XmlElement)[]): Y.XmlElement {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, children);
  return p;
}

describe("claim body plain text", () => {
  it("writes one paragraph per line in one transaction and reads it back", () => {
    const f = fragment();
    let transactions = 0;
    f.doc!.on("afterTransaction", () => transactions++);
    setClaimPlainText(f, "first\n\nthird\r\nfourth");
    expect(transactions).toBe(1);
    expect(f.length).toBe(4);
    expect(f.toArray().every((n) => n instanceof Y.XmlElement && n.nodeName === "paragraph")).toBe(true);
    expect(claimPlainText(f)).toBe("first\n\nthird\nfourth");
    setClaimPlainText(f, "replaced");
    expect(claimPlainText(f)).toBe("replaced");
    setClaimPlainText(f, "");
    expect(claimPlainText(f)).toBe("");
  });

  it("reads marked text, hard breaks and list items", () => {
    const f = fragment();
    const text = new Y.XmlText();
    const list = new Y.XmlElement("bulletList");
    const item1 = new Y.XmlElement("listItem");
    const item2 = new Y.XmlElement("listItem");
    f.insert(0, [paragraph(text), list, paragraph(new Y.XmlText("a"), new Y.XmlElement("hardBreak"), new Y.XmlText("b"))]);
    text.insert(0, "plain ");
    text.insert(6, "bold", { bold: true });
    list.insert(0, [item1, item2]);
    item1.insert(0, [paragraph(new Y.XmlText("one"))]);
    item2.insert(0, [paragraph(new Y.XmlText("two")), paragraph(new Y.XmlText("two b"))]);
    expect(claimPlainText(f)).toBe("plain bold\none\ntwo\ntwo b\na\nb");
  });
});

describe("claim body JSON", () => {
  it("maps elements, attributes and y-prosemirror marks", () => {
    const f = fragment();
    const heading = new Y.XmlElement("heading");
    const text = new Y.XmlText();
    f.insert(0, [heading, paragraph(text), new Y.XmlElement("paragraph")]);
    heading.setAttribute("level", 2 as unknown as string);
    heading.insert(0, [new Y.XmlText("Title")]);
    text.insert(0, "a ");
    text.insert(2, "bold", { bold: true });
    // Without explicit attributes Yjs would continue the bold from the previous character.
    text.insert(6, " and ", {});
    text.insert(11, "link", { link: { href: "https://example.org" }, italic: {} });
    text.insert(15, "!", { "comment--x1y2": { id: "c1" } });

    expect(claimBodyJSON(f)).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "a " },
            { type: "text", text: "bold", marks: [{ type: "bold" }] },
            { type: "text", text: " and " },
            {
              type: "text",
              text: "link",
              marks: [{ type: "italic" }, { type: "link", attrs: { href: "https://example.org" } }],
            },
            { type: "text", text: "!", marks: [{ type: "comment", attrs: { id: "c1" } }] },
          ],
        },
        { type: "paragraph" },
      ],
    });
  });

  it("returns an empty doc for an empty body and mirrors setClaimPlainText", () => {
    const f = fragment();
    expect(claimBodyJSON(f)).toEqual({ type: "doc" });
    setClaimPlainText(f, "x\ny");
    expect(claimBodyJSON(f)).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "x" }] },
        { type: "paragraph", content: [{ type: "text", text: "y" }] },
      ],
    });
  });
});
