/** The user's settings (time zone first of all), loaded once and shared by every page. */
import { createContext, type ReactNode, useContext } from 'react';
import { api, type SettingsView } from '../api/client';
import { setDisplayLocale } from '../format';
import { useLoad } from './use-load';

interface SettingsState {
  settings: SettingsView | null;
  /** True on a hosted server (accounts, sign-in, coaching); false locally or until known. */
  hosted: boolean;
  zone: string;
  reload: () => Promise<void>;
}

const SettingsContext = createContext<SettingsState>({
  settings: null,
  hosted: false,
  zone: 'UTC',
  reload: async () => {},
});

export function SettingsProvider({ children }: { children: ReactNode }) {
  const { data, reload } = useLoad(() => api.settings(), []);
  const zone = data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Dates follow the account's locale; set before the pages below render with it.
  if (data) setDisplayLocale(data.locale);
  return (
    <SettingsContext.Provider value={{ settings: data, hosted: data?.mode === 'hosted', zone, reload }}>
      {children}
    </SettingsContext.Provider>
  );
}

export const useSettings = (): SettingsState => useContext(SettingsContext);
