interface Props {
  blogs: string[];
  input: string;
  status: { ok: boolean; text: string } | null;
  onInput(value: string): void;
  onEnable(): void;
  onDisable(origin: string): void;
}

export function BlogSites({ blogs, input, status, onInput, onEnable, onDisable }: Props) {
  return (
    <section class="card" aria-labelledby="blogs-title">
      <h2 id="blogs-title">Blogs</h2>
      <p class="hint">
        Acquaint reads LinkedIn and X out of the box. On a blog it reads nothing until you enable
        that one site; the browser then asks you to allow access to it, and only to it.
      </p>
      {blogs.length === 0 ? (
        <p class="empty" data-testid="blog-empty">
          No blogs enabled.
        </p>
      ) : (
        <ul class="site-list">
          {blogs.map((origin) => (
            <li key={origin} data-testid="blog-site">
              <span dir="auto">{new URL(origin).host}</span>
              <button
                type="button"
                data-testid="blog-remove"
                aria-label={`Turn off Acquaint on ${new URL(origin).host}`}
                onClick={() => onDisable(origin)}
              >
                Turn off
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          onEnable();
        }}
      >
        <label for="blog-origin">Enable on a blog</label>
        <input
          id="blog-origin"
          data-testid="blog-origin-input"
          type="text"
          inputMode="url"
          placeholder="myblog.example"
          value={input}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <button type="submit" class="primary" data-testid="blog-enable">
          Enable
        </button>
      </form>
      {status && (
        <p
          class={status.ok ? 'status' : 'status status--error'}
          role="status"
          data-testid="blog-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
