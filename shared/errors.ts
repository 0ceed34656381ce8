import { format, type I18nText, type Lang } from './i18n/lang';

/**
 * An error the user may see: a stable code, an HTTP status and a message in every language.
 * Thrown for bad input and refused actions; programmer misuse throws RangeError/TypeError instead.
 */
export class TendikError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: I18nText;
  readonly params: Readonly<Record<string, string | number>>;
  /** Extra machine-readable facts for the client (e.g. which fields are missing). */
  readonly details: unknown;

  constructor(
    code: string,
    status: number,
    messages: I18nText,
    params: Readonly<Record<string, string | number>> = {},
    details?: unknown,
  ) {
    super(`${code}: ${format(messages.en, params)}`);
    this.name = 'TendikError';
    this.code = code;
    this.status = status;
    this.messages = messages;
    this.params = params;
    this.details = details;
  }

  message_(lang: Lang): string {
    return format(this.messages[lang], this.params);
  }

  toJSON(lang: Lang): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message_(lang),
        messages: {
          ru: format(this.messages.ru, this.params),
          ky: format(this.messages.ky, this.params),
          en: format(this.messages.en, this.params),
        },
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export interface ErrorBody {
  error: { code: string; message: string; messages: I18nText; details?: unknown };
}

export interface ErrorDefinition {
  status: number;
  text: I18nText;
}

export type ErrorFactory = (params?: Readonly<Record<string, string | number>>, details?: unknown) => TendikError;

/**
 * Builds one factory per code from a module's own catalogue, so each module keeps its messages
 * next to the code that throws them: `const E = defineErrors({IMPORT_EMPTY: {...}}); throw E.IMPORT_EMPTY()`.
 */
export function defineErrors<K extends string>(catalogue: Record<K, ErrorDefinition>): Record<K, ErrorFactory> {
  const factories = {} as Record<K, ErrorFactory>;
  for (const code of Object.keys(catalogue) as K[]) {
    const { status, text } = catalogue[code];
    factories[code] = (params, details) => new TendikError(code, status, text, params, details);
  }
  return factories;
}

export function isTendikError(value: unknown): value is TendikError {
  return value instanceof TendikError;
}
