/**
 * The browser app's pages: every GET that is not an API or socket path answers index.html
 * (server/http/static.ts), so deep links open the app. HTML, not part of the JSON contract.
 */
export const clientPages = {
  kind: 'html',
  method: 'GET',
  pattern: /^(?!\/api\/|\/api$|\/socket\.io\/).*/,
  summary: "the browser app's index.html",
} as const;
