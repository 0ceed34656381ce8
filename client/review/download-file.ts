import { errorFrom, NetworkError } from '../api';

/** The file name a Content-Disposition header offers (RFC 6266: filename* in UTF-8 wins). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      /* a malformed escape: fall through to the plain name */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Fetches a file and hands it to the browser as a download. A plain <a download> to the API would
 * fail silently when the server refuses (missing conclusion fields, expired session); fetching first
 * turns a refusal into an ApiError the panel shows in the chosen language.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new NetworkError();
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw errorFrom(res.status, body);
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameFrom(res.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download manager; release it after this task.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
