import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, listApiParams, pageParam, pageWindow } from '@/lib/queries/list-page';

describe('list pages', () => {
  it('keeps a page past the first from the URL, and drops the first page and anything invalid', () => {
    const page = (query: string) => pageParam(new URLSearchParams(query));
    expect(page('page=3')).toEqual({ page: '3' });
    for (const query of ['', 'page=1', 'page=0', 'page=-2', 'page=1.5', 'page=abc', 'page=01', 'page=9999999']) {
      expect(page(query), query).toEqual({});
    }
  });

  it('turns a page into the API window, the first page when absent', () => {
    expect(pageWindow(undefined)).toEqual({ limit: String(LIST_PAGE_SIZE), offset: '0' });
    expect(pageWindow('3')).toEqual({ limit: String(LIST_PAGE_SIZE), offset: String(2 * LIST_PAGE_SIZE) });
  });

  it('sends the filters with the window and never the page itself', () => {
    expect(listApiParams({ q: 'orders', sort: '-size', page: '2' })).toEqual({
      q: 'orders',
      sort: '-size',
      limit: String(LIST_PAGE_SIZE),
      offset: String(LIST_PAGE_SIZE),
    });
    expect(listApiParams({})).toEqual({ limit: String(LIST_PAGE_SIZE), offset: '0' });
  });
});
