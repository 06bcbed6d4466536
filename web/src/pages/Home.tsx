import { Link, Navigate } from 'react-router';
import { useSession } from '../session/session';
import { usePageTitle } from '../components/usePageTitle';

export function Home() {
  usePageTitle('Write your book');
  const { status } = useSession();
  if (status === 'signed-in') {
    return <Navigate to="/books" replace />;
  }
  return (
    <section className="hero">
      <h1>From an idea to a finished, edited book</h1>
      <p className="lead">
        Tell AuthorWorks what your story is about. It drafts the book chapter by chapter, and you edit every word.
      </p>
      <p className="actions">
        <Link className="button" to="/signup">
          Create your account
        </Link>
        <Link className="button button-secondary" to="/login">
          Log in
        </Link>
      </p>
    </section>
  );
}
