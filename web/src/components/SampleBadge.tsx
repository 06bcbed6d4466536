/** Marks text written by the offline sample writer, so nobody mistakes it for a model's work. */
export function SampleBadge() {
  return (
    <span className="badge badge-sample" title="Written by the offline sample writer, not by an AI model">
      Sample text
    </span>
  );
}
