import { ApiError } from '@/lib/errors';
import { unknownApi } from '@/server/api/endpoints/console';
import { route } from '@/server/http/route';

// Unknown API paths answer in the API's error shape, not with the HTML 404 page.
const notFound = route(unknownApi, async ({ url }) => {
  throw new ApiError('NOT_FOUND', `No API at ${url.pathname}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
