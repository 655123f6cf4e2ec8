/**
 * Rows a list page shows and asks the API for (its `limit`): at 10,000 topics or 5,000 groups a page ships and
 * renders what one screen of scrolling shows, not the whole list, every poll.
 */
export const LIST_PAGE_SIZE = 100;

const PAGE = /^[1-9]\d{0,5}$/;

/** The URL's `page` (1-based) when it is a page past the first; absent for the first page or an invalid value. */
export function pageParam(params: URLSearchParams): { page?: string } {
  const page = params.get('page');
  return page && PAGE.test(page) && page !== '1' ? { page } : {};
}

/** A page number → the API's `limit` and `offset`. */
export function pageWindow(page: string | undefined): { limit: string; offset: string } {
  const index = page && PAGE.test(page) ? Number(page) - 1 : 0;
  return { limit: String(LIST_PAGE_SIZE), offset: String(index * LIST_PAGE_SIZE) };
}

/** A list's filters (`page` among them) → the API's query parameters: the filters, then the page's window. */
export function listApiParams<F extends { page?: string }>({ page, ...filters }: F): Record<string, string> {
  const defined = Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return { ...Object.fromEntries(defined), ...pageWindow(page) };
}
