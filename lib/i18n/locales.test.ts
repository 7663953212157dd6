import { describe, expect, it } from "vitest";
import { negotiateLocale, parseLocale } from "./locales";

describe("picking the studio language", () => {
  it("takes the best language we have from Accept-Language", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("zh-TW")).toBe("zh-CN");
    expect(negotiateLocale("fr-FR,fr;q=0.9,en-US;q=0.5,zh;q=0.4")).toBe("en");
    expect(negotiateLocale("en;q=0.2,zh-Hans;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("zh;q=0,en")).toBe("en");
    expect(negotiateLocale("de, fr")).toBeNull();
    expect(negotiateLocale("")).toBeNull();
    expect(negotiateLocale(null)).toBeNull();
    expect(negotiateLocale("*")).toBeNull();
  });

  it("accepts only our exact locale ids from cookies and rows", () => {
    expect(parseLocale("zh-CN")).toBe("zh-CN");
    expect(parseLocale("en")).toBe("en");
    expect(parseLocale("zh-cn")).toBeNull();
    expect(parseLocale("en; Path=/")).toBeNull();
    expect(parseLocale(undefined)).toBeNull();
  });
});
