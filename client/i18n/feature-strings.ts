/**
 * The words of one feature, kept in their own file (client/i18n/features/) so that features built at
 * the same time do not all edit one table. The Kyrgyz and English tables are typed against the
 * feature's Russian keys, so a missing or misspelt key is a compile error, as in strings.ts.
 */
export interface FeatureStrings<T extends Record<string, string>> {
  ru: T;
  ky: Readonly<Record<keyof T, string>>;
  en: Readonly<Record<keyof T, string>>;
}

export function featureStrings<T extends Record<string, string>>(
  ru: T,
  ky: Readonly<Record<keyof T, string>>,
  en: Readonly<Record<keyof T, string>>,
): FeatureStrings<T> {
  return { ru, ky, en };
}
