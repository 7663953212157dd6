import { estimateCredits, IMAGE_PRICE_PER_IMAGE, VIDEO_PRICE_PER_SECOND, type CostRequest } from "@/lib/pixapi/pricing";

/**
 * Credits a request will cost, from the same table the emulator charges by. A model the
 * table does not know yet (the real service may add some) is estimated at the highest
 * known rate, so holds err on the side of not overspending.
 */
export function estimateCreditsSafe(request: CostRequest): number {
  try {
    return estimateCredits(request);
  } catch {
    if (request.kind === "image") {
      const top = Math.max(...Object.values(IMAGE_PRICE_PER_IMAGE));
      return estimateCredits({ ...request, model: modelWithPrice(IMAGE_PRICE_PER_IMAGE, top) });
    }
    const top = Math.max(...Object.values(VIDEO_PRICE_PER_SECOND));
    return estimateCredits({ ...request, model: modelWithPrice(VIDEO_PRICE_PER_SECOND, top) });
  }
}

function modelWithPrice(table: Readonly<Record<string, number>>, price: number): string {
  return Object.entries(table).find(([, p]) => p === price)?.[0] ?? Object.keys(table)[0] ?? "";
}

export const toMilli = (credits: number): number => Math.round(credits * 1000);
export const fromMilli = (milli: number): number => milli / 1000;
