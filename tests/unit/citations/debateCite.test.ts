import { describe, expect, it } from "vitest";
import { citedName, fullCite, shortCite, splitAuthors } from "@/lib/citations/debateCite";

describe("shortCite", () => {
  it("is the last name and a two-digit year", () => {
    expect(shortCite({ author: "John Smith", publishedAt: "2024-03-03" })).toBe("Smith 24");
    expect(shortCite({ author: "Ana Pérez", publishedAt: new Date("2009-12-31T00:00:00Z") })).toBe("Pérez 09");
    expect(shortCite({ author: "Smith, John", publishedAt: "2000-01-01" })).toBe("Smith 00");
    expect(shortCite({ author: "Martin Luther King Jr.", publishedAt: "1963-08-28" })).toBe("King 63");
  });

  it("names two authors and shortens three or more to et al.", () => {
    expect(shortCite({ author: "John Smith and Mary Jones", publishedAt: "2021-05-01" })).toBe("Smith and Jones 21");
    expect(shortCite({ author: "Smith, John; Jones, Mary", publishedAt: "2021-05-01" })).toBe("Smith and Jones 21");
    expect(shortCite({ author: "Ann Lee, Bo Chen & Cy Diaz", publishedAt: "2019-05-01" })).toBe("Lee et al. 19");
  });

  it("cites an organisation by its whole name", () => {
    expect(shortCite({ author: "Council on Foreign Relations", publishedAt: "2025-02-01" })).toBe("Council on Foreign Relations 25");
    expect(citedName("Reuters")).toBe("Reuters");
  });

  it("says what is missing instead of inventing it", () => {
    expect(shortCite({ author: null, publishedAt: null })).toBe("no author n.d.");
    expect(shortCite({ author: "  ", publishedAt: "not a date" })).toBe("no author n.d.");
    expect(shortCite({ author: "Jane Roe", publishedAt: null })).toBe("Roe n.d.");
  });
});

describe("splitAuthors", () => {
  it("keeps 'Last, First' as one author and drops suffixes", () => {
    expect(splitAuthors("Smith, John")).toEqual(["Smith, John"]);
    expect(splitAuthors("John Smith, Jr.")).toEqual(["John Smith"]);
    expect(splitAuthors("")).toEqual([]);
  });
});

describe("fullCite", () => {
  it("lists author, qualifications, date, title, publisher, URL and accessed date", () => {
    expect(
      fullCite({
        author: "John Smith",
        authorQualifications: "Professor of Law, UNAM",
        publishedAt: "2024-03-03",
        title: "Cartels and the Border",
        publisher: "Foreign Affairs",
        url: "https://example.org/a",
        accessedAt: "2026-12-02",
      }),
    ).toBe("John Smith, Professor of Law, UNAM, March 3, 2024, “Cartels and the Border”, Foreign Affairs, https://example.org/a, accessed December 2, 2026");
  });

  it("marks a missing author and date, and leaves out unknown publisher and URL", () => {
    expect(fullCite({ author: null, publishedAt: null, title: "U.S. and Mexico weigh options", publisher: null, url: null })).toBe("no author, n.d., “U.S. and Mexico weigh options”");
  });
});
