import { ApiError } from '@/lib/errors';
import { route } from '@/server/http/route';

// Unknown API paths answer in the API's error shape, not with the HTML 404 page.
const notFound = route<{ path: string[] }>({ name: 'api.unknown', permission: 'read' }, async ({ params }) => {
  throw new ApiError('NOT_FOUND', `No API at /api/${params.path.join('/')}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
