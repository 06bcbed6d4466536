import { TEST_MODE_LABEL } from '../../api/subscriptions';

/** The label every screen shows where payments are in test mode: nothing real is charged. */
export function TestModeBadge() {
  return (
    <p className="test-mode-badge" role="note">
      {TEST_MODE_LABEL}
    </p>
  );
}
