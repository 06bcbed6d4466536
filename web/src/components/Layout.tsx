import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { isAdmin } from '../pages/Moderation';
import { useSession } from '../session/session';
import { ThemeMenu } from '../theme/ThemeMenu';
import { InboxLink } from './InboxLink';
import { LiveNotificationsProvider } from './LiveNotifications';
import { NotificationBell } from './NotificationBell';

/** Header, skip link and main landmark around every screen. */
export function Layout({ children }: { children: ReactNode }) {
  const { status, user, forwardAuth, logOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // after moving to another screen, start keyboard and screen-reader users at its content
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const onLogOut = async () => {
    try {
      await logOut();
    } finally {
      navigate('/login', { replace: true });
    }
  };

  return (
    <LiveNotificationsProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          AuthorWorks
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/discover">Discover</NavLink>
            </li>
            {status === 'signed-in' ? (
              <>
                <li>
                  <NavLink to="/feed">Following</NavLink>
                </li>
                <li>
                  <NavLink to="/books" end>
                    My books
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/lists">Lists</NavLink>
                </li>
                <li>
                  <NavLink to="/memberships">Memberships</NavLink>
                </li>
                <li>
                  <NavLink to="/creator">Creator</NavLink>
                </li>
                <li>
                  <InboxLink />
                </li>
                {isAdmin(user?.roles) && (
                  <li>
                    <NavLink to="/moderation">Moderation</NavLink>
                  </li>
                )}
                <li>
                  <NavLink to="/settings">Settings</NavLink>
                </li>
                <li>
                  <NotificationBell />
                </li>
                {!forwardAuth && (
                  <li>
                    <button type="button" className="link-button" onClick={onLogOut}>
                      Log out{user ? <span className="visually-hidden"> {user.username}</span> : null}
                    </button>
                  </li>
                )}
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login">Log in</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">Sign up</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <ThemeMenu />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </LiveNotificationsProvider>
  );
}
