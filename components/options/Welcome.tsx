interface Props {
  /** The keyboard shortcut that opens the sidebar, as the browser has it ("Alt+Shift+S"). */
  shortcut: string;
}

/**
 * The first thing a new user sees, on install: what Acquaint is for, where their notes stay,
 * how to open the sidebar, and the first step (the import card, right below).
 */
export function Welcome({ shortcut }: Props) {
  return (
    <section class="card welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">Welcome to Acquaint</h2>
      <p>
        Acquaint keeps private notes beside the people you meet on LinkedIn, X and the blogs you
        enable: what you talked about, what you could offer, why they matter. Its popup lists the
        conversations that have gone quiet, so nobody you meant to follow up with is forgotten.
      </p>
      <p>
        <strong>Everything stays on this computer</strong>, in the extension’s own storage. Nothing
        is sent anywhere.
      </p>
      <p>
        On someone’s LinkedIn or X profile, click the small tab at the right edge of the page, or
        press <kbd data-testid="welcome-shortcut">{shortcut}</kbd>, and their notes open.
      </p>
      <p>
        <strong>A good first step:</strong> bring in the people you already know, below: your
        LinkedIn data export (LinkedIn: Settings → Data privacy → Get a copy of your data; the
        Connections and Messages files, or the whole zip) or your X archive (X: Settings → Your
        account → Download an archive of your data). You see what would change before anything is
        saved.
      </p>
    </section>
  );
}
