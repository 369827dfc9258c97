import { Parser } from "htmlparser2";
import { EMPTY_FILE_METADATA, metadataDate, metadataText, metadataUrl, type FileMetadata } from "./fileMetadata";

// <meta> names and properties for each field, best first (Open Graph, Dublin Core, Highwire/Google Scholar).
const AUTHOR = ["citation_author", "author", "article:author", "dc.creator", "parsely-author"];
const PUBLISHED = ["citation_publication_date", "article:published_time", "dc.date", "date", "pubdate", "publishdate", "parsely-pub-date"];
const PUBLISHER = ["og:site_name", "citation_publisher", "dc.publisher", "publisher", "application-name"];
const TITLE = ["citation_title", "og:title", "dc.title"];
const URL_KEYS = ["og:url"];

/** What an HTML page's <head> says of its title, author, site, date and address. */
export function extractHtmlMetadata(html: string): FileMetadata {
  const metas = new Map<string, string>();
  let titleText = "";
  let inTitle = false;
  let canonical: string | null = null;
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (done) return;
        if (name === "body") done = true;
        else if (name === "title") inTitle = true;
        else if (name === "meta") {
          const key = (attrs.name ?? attrs.property ?? attrs.itemprop ?? "").toLowerCase();
          if (key && typeof attrs.content === "string" && !metas.has(key)) metas.set(key, attrs.content);
        } else if (name === "link" && (attrs.rel ?? "").toLowerCase() === "canonical" && attrs.href) canonical = attrs.href;
      },
      ontext(text) {
        if (inTitle && !done) titleText += text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        if (name === "head") done = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  // Only the head is wanted: the page's body (often most of the bytes) is never parsed.
  const headEnd = html.search(/<body[\s>]/i);
  parser.end(headEnd >= 0 ? html.slice(0, headEnd) : html.slice(0, 256 * 1024));
  const first = (keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v && v.trim());
  return {
    ...EMPTY_FILE_METADATA,
    title: metadataText(titleText) ?? metadataText(first(TITLE)),
    // article:author is often the author's profile address, not a name.
    author: metadataText(AUTHOR.map((k) => metas.get(k)).find((v) => v && v.trim() && !/^https?:/i.test(v.trim()))),
    publisher: metadataText(first(PUBLISHER)),
    publishedAt: metadataDate(first(PUBLISHED)),
    url: metadataUrl(canonical) ?? metadataUrl(first(URL_KEYS)),
  };
}
