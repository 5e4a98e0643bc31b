import { describe, expect, it } from "vitest";
import { filterBySearch, parseSearchQuery, type SearchSchema } from "../src/graphql/search-query.js";

interface Item {
  id: number;
  title: string;
  tags: string[];
  updatedAt: string;
}

const schema: SearchSchema<Item> = {
  fields: { id: (i) => i.id, title: (i) => i.title, tag: (i) => i.tags, updated_at: (i) => i.updatedAt },
  defaultFields: [(i) => i.title],
  dateFields: ["updated_at"],
};

const items: Item[] = [
  { id: 1, title: "Linen Shirt", tags: ["summer", "sale"], updatedAt: "2025-01-01T00:00:00Z" },
  { id: 2, title: "Wool Sweater", tags: ["winter"], updatedAt: "2025-06-01T00:00:00Z" },
  { id: 3, title: "Linen Trousers", tags: ["summer"], updatedAt: "2025-09-01T12:00:00Z" },
];
const ids = (query: string) => filterBySearch(items, query, schema).map((i) => i.id);

describe("Shopify search syntax", () => {
  it("parses fields, comparators, quotes, negation and OR", () => {
    expect(parseSearchQuery(`title:"Linen Shirt" -tag:sale OR updated_at:>=2025-06-01`)).toEqual([
      [
        { field: "title", comparator: "=", value: "Linen Shirt", negated: false },
        { field: "tag", comparator: "=", value: "sale", negated: true },
      ],
      [{ field: "updated_at", comparator: ">=", value: "2025-06-01", negated: false }],
    ]);
  });

  it("matches terms case-insensitively, with prefix wildcards, numbers and dates", () => {
    expect(ids("")).toEqual([1, 2, 3]);
    expect(ids("title:linen*")).toEqual([1, 3]);
    expect(ids("title:'linen shirt'")).toEqual([1]);
    expect(ids("tag:summer -tag:sale")).toEqual([3]);
    expect(ids("tag:summer NOT tag:sale")).toEqual([3]);
    expect(ids("id:>1 id:<=2")).toEqual([2]);
    expect(ids("updated_at:>2025-06-01")).toEqual([3]);
    expect(ids("updated_at:<2025-06-01 OR tag:winter")).toEqual([1, 2]);
    expect(ids("sweater")).toEqual([2]);
    expect(ids("colour:red")).toEqual([1, 2, 3]); // unknown fields are ignored, as Shopify does
  });
});
