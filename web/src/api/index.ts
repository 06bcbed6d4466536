import { ApiClient } from './client';
import { booksApi } from './books';
import { conversationsApi } from './conversations';
import { discoveryApi } from './discovery';
import { identityApi, renewTokens } from './identity';
import { libraryApi } from './library';
import { notificationsApi } from './notifications';
import { subscriptionsApi } from './subscriptions';

/** The app's API: one client, so one access token and one refresh at a time. */
export function createApi(client = new ApiClient({ renew: renewTokens })) {
  return { client, identity: identityApi(client), books: booksApi(client), library: libraryApi(client), discovery: discoveryApi(client),
    notifications: notificationsApi(client), conversations: conversationsApi(client),
    subscriptions: subscriptionsApi(client) };
}

export type Api = ReturnType<typeof createApi>;
