import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Dashboard } from './pages/Dashboard';
import { Discover } from './pages/Discover';
import { Export } from './pages/Export';
import { Author } from './pages/Author';
import { Feed } from './pages/Feed';
import { ForgotPassword } from './pages/ForgotPassword';
import { Home } from './pages/Home';
import { Inbox } from './pages/Inbox';
import { LogIn } from './pages/LogIn';
import { Moderation } from './pages/Moderation';
import { NewBook } from './pages/NewBook';
import { NotFound } from './pages/NotFound';
import { NotificationPreferencesPage, Notifications, Unsubscribe } from './pages/Notifications';
import { PublishedBook } from './pages/PublishedBook';
import { Reader } from './pages/Reader';
import { ReadingListPage, ReadingLists } from './pages/ReadingLists';
import { ResetPassword } from './pages/ResetPassword';
import { Settings } from './pages/Settings';
import { SignUp } from './pages/SignUp';
import { VerifyEmail } from './pages/VerifyEmail';
import { BookView } from './pages/book/BookView';
import { CreatorDashboard } from './pages/memberships/CreatorDashboard';
import { CreatorPage } from './pages/memberships/CreatorPage';
import { MyMemberships } from './pages/memberships/MyMemberships';
import { RequireSignIn, UnlessProxied } from './session/session';

// the editor (Plate) is the app's largest part: loaded only when a writer opens it
const Write = lazy(() => import('./pages/write/Write').then((m) => ({ default: m.Write })));
const loadingEditor = <p role="status">Loading the editor…</p>;

/** Every screen's address. The server sends index.html for each of them (SpaForwarding). */
export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/signup" element={<UnlessProxied><SignUp /></UnlessProxied>} />
        <Route path="/login" element={<UnlessProxied><LogIn /></UnlessProxied>} />
        <Route path="/verify-email" element={<VerifyEmail />} />
        <Route path="/discover" element={<Discover />} />
        <Route path="/discover/:id" element={<PublishedBook />} />
        <Route path="/authors/:id" element={<Author />} />
        <Route path="/lists" element={<RequireSignIn><ReadingLists /></RequireSignIn>} />
        <Route path="/lists/:id" element={<ReadingListPage />} />
        <Route path="/moderation" element={<RequireSignIn><Moderation /></RequireSignIn>} />
        <Route path="/feed" element={<RequireSignIn><Feed /></RequireSignIn>} />
        <Route path="/forgot-password" element={<ForgotPassword />} />
        <Route path="/reset-password" element={<ResetPassword />} />
        <Route path="/books" element={<RequireSignIn><Dashboard /></RequireSignIn>} />
        <Route path="/books/new" element={<RequireSignIn><NewBook /></RequireSignIn>} />
        <Route path="/books/:id" element={<RequireSignIn><BookView /></RequireSignIn>} />
        <Route path="/books/:id/read" element={<RequireSignIn><Reader /></RequireSignIn>} />
        <Route path="/books/:id/export" element={<RequireSignIn><Export /></RequireSignIn>} />
        <Route path="/notifications" element={<RequireSignIn><Notifications /></RequireSignIn>} />
        <Route path="/notifications/preferences" element={<RequireSignIn><NotificationPreferencesPage /></RequireSignIn>} />
        <Route path="/unsubscribe" element={<Unsubscribe />} />
        <Route path="/inbox/:id?" element={<RequireSignIn><Inbox /></RequireSignIn>} />
        <Route path="/settings" element={<RequireSignIn><Settings /></RequireSignIn>} />
        <Route path="/creators/:id" element={<CreatorPage />} />
        <Route path="/memberships" element={<RequireSignIn><MyMemberships /></RequireSignIn>} />
        <Route path="/creator" element={<RequireSignIn><CreatorDashboard /></RequireSignIn>} />
        <Route path="/books/:id/write/:sceneId?" element={<RequireSignIn><Suspense fallback={loadingEditor}><Write /></Suspense></RequireSignIn>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Layout>
  );
}
