// Every path and field name of the identity API the app uses lives in this file: adjusting the
// app to a change in that API is an edit here (and nowhere else).
import type { ApiClient, TokenPair } from './client';

/** A user as `GET /api/v1/users/me` shows them (the private fields only to themselves). */
export interface User {
  id: string;
  username: string;
  displayName?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
  /** https:// addresses, at most `rules.maxLinks`. */
  links?: string[] | null;
  followers?: number;
  following?: number;
  joinedAt?: string;
  email?: string;
  emailVerified?: boolean;
  roles?: string[];
}

/** What sign-in and refresh answer: tokens only, the user is `me()`. */
export interface TokenResponse extends TokenPair {
  tokenType: string;
  expiresIn: number;
  refreshExpiresIn: number;
}

export interface Registration {
  email: string;
  username: string;
  password: string;
}

export interface ProfileChange {
  displayName: string;
  bio: string;
  avatarUrl: string;
  links: string[];
}

/** What the forms check before asking the server, which has the last word. */
export const rules = {
  passwordMinLength: 10,
  passwordMaxLength: 128,
  usernamePattern: /^[A-Za-z0-9_-]{3,32}$/,
  emailPattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  displayNameMaxLength: 80,
  bioMaxLength: 2000,
  maxLinks: 5,
};

export function identityApi(client: ApiClient) {
  return {
    register: (r: Registration) => client.post<User>('/api/v1/auth/register', r, { anonymous: true }),

    async logIn(email: string, password: string): Promise<User> {
      const tokens = await client.post<TokenResponse>('/api/v1/auth/login', { email, password }, { anonymous: true });
      client.signIn(tokens);
      return client.get<User>('/api/v1/users/me');
    },

    async logOut(): Promise<void> {
      const refreshToken = client.refreshToken;
      try {
        if (refreshToken) {
          await client.post('/api/v1/auth/logout', { refreshToken }, { anonymous: true });
        }
      } finally {
        client.signOut();
      }
    },

    verifyEmail: (token: string) => client.post<unknown>('/api/v1/auth/verify-email', { token }, { anonymous: true }),
    resendVerification: (email: string) =>
      client.post<unknown>('/api/v1/auth/resend-verification', { email }, { anonymous: true }),
    forgotPassword: (email: string) =>
      client.post<unknown>('/api/v1/auth/forgot-password', { email }, { anonymous: true }),
    resetPassword: (token: string, newPassword: string) =>
      client.post<unknown>('/api/v1/auth/reset-password', { token, newPassword }, { anonymous: true }),

    me: () => client.get<User>('/api/v1/users/me'),
    /**
     * Whether this request is signed in without any token of ours, i.e. by the proxy in front
     * (forward-auth, docs/identity.md). Answers 200 for everyone, so a plain visit logs no error.
     */
    session: () => client.get<{ signedIn: boolean; forwardAuth: boolean }>('/api/v1/auth/session', { anonymous: true }),
    /** The user the proxy signed in: no token, the proxy's headers say who it is. */
    meThroughProxy: () => client.get<User>('/api/v1/users/me', { anonymous: true }),
    updateProfile: (id: string, change: ProfileChange) =>
      client.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, change),
    changePassword: (currentPassword: string, newPassword: string) =>
      client.post<unknown>('/api/v1/users/me/password', { currentPassword, newPassword }),
    /** The people I blocked (docs/identity.md): a block counts both ways. */
    blocks: (size = 100) => client.get<{ items: User[]; total: number }>(`/api/v1/users/me/blocks?size=${size}`),
    block: (userId: string) => client.put<void>(`/api/v1/users/me/blocks/${encodeURIComponent(userId)}`),
    unblock: (userId: string) => client.delete(`/api/v1/users/me/blocks/${encodeURIComponent(userId)}`),
  };
}

/** The refresh call the API client makes by itself when an access token has expired. */
export function renewTokens(client: ApiClient, refreshToken: string): Promise<TokenResponse> {
  return client.post<TokenResponse>('/api/v1/auth/refresh', { refreshToken }, { anonymous: true });
}
