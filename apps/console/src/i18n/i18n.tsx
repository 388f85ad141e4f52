import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * Spanish first, English on request. Each screen keeps its own dictionary next to it (`texts.ts`), typed so that a
 * missing English label is a compile error; there are no string keys to mistype.
 */
export type Language = 'es' | 'en';
export type Dictionary<T> = { es: T; en: T };

const STORAGE_KEY = 'rt.language';

interface LanguageContextValue {
  language: Language;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageContextValue>({ language: 'es', setLanguage: () => undefined });

function initialLanguage(): Language {
  return sessionStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es';
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    sessionStorage.setItem(STORAGE_KEY, next);
    setState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  return useContext(LanguageContext);
}

/** The texts of one dictionary in the user's language: `const t = useTexts(texts); t.save`. */
export function useTexts<T>(dictionary: Dictionary<T>): T {
  return dictionary[useLanguage().language];
}

/** The language the API is asked to answer in (its error messages), read outside React by the HTTP client. */
export function currentLanguage(): Language {
  return initialLanguage();
}
