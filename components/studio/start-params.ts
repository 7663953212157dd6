/**
 * A studio page's starting point from its URL: ?remix=<generationId> and ?from=<mediaId>.
 * Read by the server page and handed to its client half; anything but one non-empty
 * value (absent, empty, repeated) counts as not given.
 */
export interface StudioStartParams {
  remixId?: string;
  fromMediaId?: string;
}

export type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export async function studioStartParams(searchParams: Promise<SearchParams>): Promise<StudioStartParams> {
  const { remix, from } = await searchParams;
  return { remixId: one(remix), fromMediaId: one(from) };
}
