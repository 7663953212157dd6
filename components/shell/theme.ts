export const THEME_COOKIE = "studio-theme";
export type ThemeChoice = "system" | "light" | "dark";

export function parseTheme(value: string | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

export const themeBootScript = `(function(){try{var d=document.documentElement;var c=d.getAttribute('data-theme-choice');var dark=c==='dark'||(c!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);d.classList.toggle('dark',dark);}catch(e){}})();`;
