import { useState } from 'preact/hooks';

interface Props {
  /** The outcome of the last try, in words. */
  status: { ok: boolean; text: string } | null;
  onAdd(entry: { name: string; address: string; why: string }): void;
}

/**
 * Someone met where no profile page is open (a café, a conference hall): a name, an optional
 * profile address or e-mail, and why they matter. Their notes open once they are added.
 */
export function AddPerson({ status, onAdd }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [why, setWhy] = useState('');
  if (!open) {
    return (
      <button type="button" data-testid="add-person" onClick={() => setOpen(true)}>
        Add someone you met
      </button>
    );
  }
  return (
    <form
      class="card add-person"
      aria-labelledby="add-person-title"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd({ name, address, why });
      }}
    >
      <h2 id="add-person-title">Add someone you met</h2>
      <label>
        Name
        <input
          data-testid="add-person-name"
          required
          autoFocus
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </label>
      <label>
        Profile or web address, or e-mail (optional)
        <input
          data-testid="add-person-address"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
      </label>
      <label>
        Why this person matters (optional)
        <input
          data-testid="add-person-why"
          value={why}
          onInput={(event) => setWhy(event.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button type="submit" class="primary" data-testid="add-person-save">
          Add and open their notes
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {status && (
        <p
          class={status.ok ? 'status' : 'status status--error'}
          role="status"
          data-testid="add-person-status"
          dir="auto"
        >
          {status.text}
        </p>
      )}
    </form>
  );
}
