/**
 * The one locale every number, date and duration in the studio is written in. A later
 * translation of the studio changes it here (or makes it a parameter) and nowhere else.
 */
export const LOCALE = "en";
