import { createContext, useContext, useEffect, useLayoutEffect, useState } from 'react';

export type ColorScheme = 'light' | 'dark';

/** Where the user's explicit choice is kept; without one the browser's preference wins. */
export const COLOR_SCHEME_KEY = 'feedkit-dashboard-color-scheme';

const prefersLight = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches;

function storedChoice(): ColorScheme | undefined {
  try {
    const value = localStorage.getItem(COLOR_SCHEME_KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined; // storage disabled: follow the browser
  }
}

/**
 * Light or dark: the browser's `prefers-color-scheme` (followed live) unless
 * the user toggled, which is remembered. Sets `data-theme` on `<html>`, which
 * the stylesheet's colours key on.
 */
export function useColorScheme(): { scheme: ColorScheme; toggle: () => void } {
  const [system, setSystem] = useState<ColorScheme>(() => (prefersLight() ? 'light' : 'dark'));
  const [chosen, setChosen] = useState(storedChoice);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: light)');
    const follow = () => setSystem(query.matches ? 'light' : 'dark');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  const scheme = chosen ?? system;
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = scheme;
  }, [scheme]);
  const toggle = () => {
    const next: ColorScheme = scheme === 'dark' ? 'light' : 'dark';
    try {
      // Back to the browser's preference when the choice matches it.
      if (next === system) localStorage.removeItem(COLOR_SCHEME_KEY);
      else localStorage.setItem(COLOR_SCHEME_KEY, next);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
    setChosen(next === system ? undefined : next);
  };
  return { scheme, toggle };
}

/** The page's scheme, for the few things CSS cannot colour (chart canvases). */
export const ColorSchemeContext = createContext<ColorScheme>('dark');

export const useColorSchemeValue = (): ColorScheme => useContext(ColorSchemeContext);
