import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatterFor } from "@/lib/format";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { generation } from "@/tests/support/generation-view";
import { aspectOf, remixHref } from "./generation-format";
import { generationText } from "./use-generation-text";

const words = {
  en: generationText(createTranslator({ locale: "en", messages: en, namespace: "studio" }), formatterFor("en")),
  "zh-CN": generationText(createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "studio" }), formatterFor("zh-CN")),
};

const media = { id: "m", kind: "image", role: "output", mimeType: "image/png", width: 300, height: 200, durationMs: null, bytes: 1, url: "", thumbUrl: "", downloadUrl: "" } as const;

describe("generation format", () => {
  it("takes the shape from the media when there is one, else from the requested size", () => {
    expect(aspectOf(generation({ outputs: [media] }))).toEqual({ width: 300, height: 200 });
    expect(aspectOf(generation({ status: "running", params: { size: "1024x1536" } }))).toEqual({ width: 1024, height: 1536 });
    expect(aspectOf(generation({ kind: "video", params: { size: "9:16" } }))).toEqual({ width: 720, height: 1280 });
    expect(aspectOf(generation({ params: { size: "auto" } }))).toEqual({ width: 1024, height: 1024 });
  });

  it("links Remix to the page that made them", () => {
    expect(remixHref(generation({ kind: "video" }))).toBe("/video?remix=gen_1");
    expect(remixHref(generation({ kind: "edit" }))).toBe("/edit?remix=gen_1");
  });

  it("names things and their parameters in the reader's language, from the catalogs", () => {
    const video = generation({ kind: "video", params: { size: "16:9", duration: 5 } });
    expect(words.en.thingName(video)).toBe("this video");
    expect(words["zh-CN"].thingName(video)).toBe("这个视频");
    expect(words.en.parameterRows(video).map((r) => r.label)).toEqual(["Type", "Model", "Size", "Duration"]);
    expect(words["zh-CN"].parameterRows(video)).toEqual([
      { label: "类型", value: "文生视频" },
      { label: "模型", value: video.model },
      { label: "尺寸", value: "16:9 (1280 × 720)" },
      { label: "时长", value: "5 秒" },
    ]);
    const three = generation({ outputs: [1, 2, 3].map((i) => ({ ...media, id: `m${i}` })) });
    expect(words["zh-CN"].thingName(three)).toBe("这 3 张图片");
    expect(words.en.creditsLine(generation({ status: "failed" }))).toBe("Not charged");
  });
});
