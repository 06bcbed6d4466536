// Paths and field names of the messaging service's notifications (docs/messaging.md).
import type { ApiClient, StreamEvent } from './client';
import type { ConversationFrame } from './conversations';

export interface Notification {
  id: string;
  /** Its number in the user's inbox: the cursor of paging and of the live stream. */
  cursor: string;
  type: string;
  title: string;
  body: string;
  link?: string | null;
  createdAt: string;
  readAt?: string | null;
  unread: boolean;
}

/** `GET /api/v1/notifications`: newest first. */
export interface NotificationPage {
  items: Notification[];
  nextCursor?: string | null;
  unread: number;
}

export interface NotificationPreferences {
  channels: Record<string, string>;
  defaults: Record<string, string>;
}

/** `GET /api/v1/notifications/preferences/mail`: when mail may go out, and how often the digest does. */
export interface MailSettings {
  timeZone: string;
  quietHours: { start: string; end: string } | null;
  digest: 'daily' | 'weekly';
  /** The local time digests are sent (read only). */
  digestAt?: string;
}

/** A Discourse-style level for a book or an author: everything, the types' channels, or nothing. */
export type Level = 'watching' | 'normal' | 'muted';
export type LevelScope = 'books' | 'authors';

export interface LevelView {
  scope: LevelScope;
  id: string;
  level: Level;
}

/** What the live stream tells: where the client stands, a new notification, or the unread count. */
export type LiveEvent =
  | { kind: 'ready'; cursor: string; unread: number }
  | { kind: 'notification'; notification: Notification }
  | { kind: 'unread'; count: number }
  | { kind: 'conversation'; frame: ConversationFrame };

export function liveEvent(event: StreamEvent): LiveEvent | null {
  const data = JSON.parse(event.data) as Record<string, unknown>;
  switch (event.event) {
    case 'ready':
      return { kind: 'ready', cursor: String(data.cursor), unread: Number(data.unread) };
    case 'notification':
      return { kind: 'notification', notification: data as unknown as Notification };
    case 'unread':
      return { kind: 'unread', count: Number(data.count) };
    case 'conversation':
      return { kind: 'conversation', frame: data as unknown as ConversationFrame };
    default:
      return null;
  }
}

export const NOTIFICATION_TYPES: Record<string, string> = {
  'generation-finished': 'A book of mine finished generating',
  'generation-failed': 'A book of mine stopped generating',
  'book-published': 'A book of mine was published',
  'new-follower': 'A reader followed a book of mine',
  'new-rating': 'A reader rated or reviewed a book of mine',
  'new-subscriber': 'A fan joined one of my tiers',
  'payment-failed': 'A payment for one of my memberships failed',
  'tip-received': 'A fan sent me a tip',
  'payment-received': 'A member’s renewal of one of my tiers was paid',
  'membership-ended': 'A membership of one of my tiers ended',
  'new-chapter': 'A book I follow released a chapter',
  comment: 'A reader commented on a chapter of mine',
  reply: 'Someone answered my comment',
  mention: 'Someone mentioned me in a comment',
  'moderation-outcome': 'The admins settled a report of mine',
  announcement: 'Announcements from the admins',
};

export function notificationsApi(client: ApiClient) {
  return {
    list: (cursor?: string | null, size = 20) =>
      client.get<NotificationPage>(`/api/v1/notifications?size=${size}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    markRead: (id: string) => client.post<Notification>(`/api/v1/notifications/${id}/read`),
    markUnread: (id: string) => client.delete<Notification>(`/api/v1/notifications/${id}/read`),
    markAllRead: (upTo?: string) =>
      client.post<{ marked: number; unread: number }>(`/api/v1/notifications/read-all${upTo ? `?upTo=${encodeURIComponent(upTo)}` : ''}`),
    remove: (id: string) => client.delete(`/api/v1/notifications/${id}`),
    preferences: () => client.get<NotificationPreferences>('/api/v1/notifications/preferences'),
    savePreferences: (channels: Record<string, string>) =>
      client.put<NotificationPreferences>('/api/v1/notifications/preferences', { channels }),
    mailSettings: () => client.get<MailSettings>('/api/v1/notifications/preferences/mail'),
    saveMailSettings: (settings: Omit<MailSettings, 'digestAt'>) => client.put<MailSettings>('/api/v1/notifications/preferences/mail', settings),
    level: (scope: LevelScope, id: string) =>
      client.get<LevelView>(`/api/v1/notifications/preferences/${scope}/${encodeURIComponent(id)}`),
    setLevel: (scope: LevelScope, id: string, level: Level) =>
      client.put<LevelView>(`/api/v1/notifications/preferences/${scope}/${encodeURIComponent(id)}`, { level }),
    unsubscription: (token: string) =>
      client.get<{ type: string; channel: string }>(`/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`, { anonymous: true }),
    unsubscribe: (token: string) =>
      client.post<{ type: string; channel: string }>(`/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`, undefined, {
        anonymous: true,
      }),
    /** The live stream after `cursor`; resolves when the server ends it (a token expired, a restart). */
    live: (cursor: string | null, onEvent: (event: LiveEvent) => void, signal: AbortSignal) =>
      client.stream(
        '/api/v1/notifications/stream',
        (e) => {
          const live = liveEvent(e);
          if (live) onEvent(live);
        },
        { lastEventId: cursor ?? undefined, signal },
      ),
  };
}
