// Every path and field name of the identity API the app uses lives in this file: adjusting the
// app to a change in that API is an edit here (and nowhere else).
import type { ApiClient, TokenPair } from './client';

export interface User {
  id: string;
  email: string;
  username: string;
  displayName?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
  /** Assumed to be plain URLs (a website, a newsletter...). */
  links?: string[] | null;
  emailVerified?: boolean;
  roles?: string[];
}

export interface TokenResponse extends TokenPair {
  expiresIn: number;
  user: User;
}

export interface Registration {
  email: string;
  username: string;
  password: string;
  displayName?: string;
}

export interface ProfileChange {
  displayName: string;
  bio: string;
  avatarUrl: string;
  links: string[];
}

/** What the forms check before asking the server, which has the last word. */
export const rules = {
  passwordMinLength: 8,
  usernamePattern: /^[A-Za-z0-9_.-]{3,32}$/,
  emailPattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
};

export function identityApi(client: ApiClient) {
  return {
    register: (r: Registration) => client.post<User>('/api/v1/auth/register', r, { anonymous: true }),

    /** `login` is an email or a username; the server tells them apart by the "@". */
    async logIn(login: string, password: string): Promise<User> {
      const body = login.includes('@') ? { email: login, password } : { username: login, password };
      const tokens = await client.post<TokenResponse>('/api/v1/auth/login', body, { anonymous: true });
      client.signIn(tokens);
      return tokens.user;
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
    resendVerification: () => client.post<unknown>('/api/v1/auth/resend-verification'),
    forgotPassword: (email: string) =>
      client.post<unknown>('/api/v1/auth/forgot-password', { email }, { anonymous: true }),
    resetPassword: (token: string, password: string) =>
      client.post<unknown>('/api/v1/auth/reset-password', { token, password }, { anonymous: true }),

    me: () => client.get<User>('/api/v1/users/me'),
    updateProfile: (id: string, change: ProfileChange) =>
      client.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, change),
    changePassword: (currentPassword: string, newPassword: string) =>
      client.post<unknown>('/api/v1/users/me/password', { currentPassword, newPassword }),
  };
}

export type IdentityApi = ReturnType<typeof identityApi>;

/** The refresh call the API client makes by itself when an access token has expired. */
export function renewTokens(client: ApiClient, refreshToken: string): Promise<TokenResponse> {
  return client.post<TokenResponse>('/api/v1/auth/refresh', { refreshToken }, { anonymous: true });
}
