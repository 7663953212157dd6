/** Credits are stored as integer millicredits (1 credit = 1000), so sums never drift. */
export const toMilli = (credits: number): number => Math.round(credits * 1000);
export const fromMilli = (milli: number): number => milli / 1000;
