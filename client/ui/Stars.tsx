/** Three stars, the earned ones lit; one accessible name for the whole group. */
export function Stars({ count, label }: { count: number; label: string }) {
  return (
    <span className="stars" role="img" aria-label={label}>
      {[0, 1, 2].map((k) => (
        <span key={k} aria-hidden="true" className={k < count ? 'on' : 'off'}>
          ★
        </span>
      ))}
    </span>
  );
}
