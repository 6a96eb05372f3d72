import { useEffect } from 'react';
import { useDashboard } from '../store/dashboard-store.js';
import type { ThemePreference } from '../store/ui-slice.js';

/** Light, dark or the system's choice; sets `data-theme` on <html>, which the CSS variables follow. */
export function ThemeToggle() {
  const theme = useDashboard((s) => s.theme);
  const setTheme = useDashboard((s) => s.setTheme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <label className="theme-toggle">
      Theme{' '}
      <select value={theme} onChange={(e) => setTheme(e.target.value as ThemePreference)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
