import type { ButtonHTMLAttributes, ComponentChildren, InputHTMLAttributes, SelectHTMLAttributes } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api.ts';

// The console's small component set: native elements with their labels, states and focus
// handled once.

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'quiet'; busy?: boolean };

export function Button({ variant = 'secondary', busy, children, class: className, disabled, type, ...rest }: ButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      class={`btn btn-${variant}${className ? ` ${className}` : ''}`}
      disabled={disabled || busy}
      aria-busy={busy ? 'true' : undefined}
      {...rest}
    >
      {children}
    </button>
  );
}

type FieldProps = { label: string; hint?: string; error?: string; children: (id: string, describedBy: string | undefined) => ComponentChildren; class?: string };

/** A label, the control (given its id), and an optional hint or error tied to it. */
export function Field({ label, hint, error, children, class: className }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${className ? ` ${className}` : ''}`}>
      <label for={id}>{label}</label>
      {children(id, describedBy)}
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

// Preact types an input by its `type`; a text-like input whose type changes (a token shown or
// hidden) is simpler to type as a string.
type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  type?: 'text' | 'password' | 'email' | 'url' | 'tel' | 'search' | 'number';
  list?: string;
  pattern?: string;
  placeholder?: string;
  min?: number;
  step?: number;
  maxLength?: number;
  inputMode?: string;
  autocomplete?: string;
  spellcheck?: boolean;
  label: string;
  hint?: string;
  error?: string;
  onValue?: (value: string) => void;
};

export function TextInput({ label, hint, error, onValue, class: className, type = 'text', ...rest }: InputProps) {
  const attributes = { ...rest, type } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <Field label={label} hint={hint} error={error} class={className as string | undefined}>
      {(id, describedBy) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => onValue?.((e.currentTarget as HTMLInputElement).value)}
          {...attributes}
        />
      )}
    </Field>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  onValue?: (value: string) => void;
};

export function Select({ label, hint, options, onValue, class: className, ...rest }: SelectProps) {
  return (
    <Field label={label} hint={hint} class={className as string | undefined}>
      {(id, describedBy) => (
        <select id={id} aria-describedby={describedBy} onChange={(e) => onValue?.((e.currentTarget as HTMLSelectElement).value)} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A form's work: `action(run)` is a handler (onSubmit, onClick) that runs `run` with the form
 * busy, and shows its failure as the form's `error`. Success is `run`'s to report (notify, onDone).
 */
export function useFormAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const action = (run: () => Promise<void>) => async (event?: Event) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await run();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, action };
}

/** A form’s closing row: `children` on the left, then Cancel (given `onCancel`), then the submit button. */
export function FormButtons({ submit, busy, onCancel, class: className, children }: { submit: string; busy?: boolean; onCancel?: () => void; class?: string; children?: ComponentChildren }) {
  return (
    <div class={`row${className ? ` ${className}` : ''}`}>
      {children}
      <span class="spacer" />
      {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      <Button variant="primary" type="submit" busy={busy}>
        {submit}
      </Button>
    </div>
  );
}

export function Checkbox({ label, checked, onChecked, hint }: { label: string; checked: boolean; onChecked: (checked: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div class="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChecked((e.currentTarget as HTMLInputElement).checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

const STATE_TONES: Record<string, string> = {
  alerting: 'warn',
  connecting: 'info',
  connected: 'ok',
  held: 'hold',
  remoteHeld: 'hold',
  disconnected: 'off',
  active: 'ok',
  inactive: 'off',
  delivered: 'ok',
  pending: 'warn',
  failed: 'bad',
  enabled: 'ok',
  'not enabled': 'off',
};

/** A state word with its colour (the word itself carries the meaning, not the colour). */
export function Badge({ value, label }: { value: string; label?: string }) {
  return <span class={`badge tone-${STATE_TONES[value] ?? 'info'}`}>{label ?? value}</span>;
}

export function ErrorNotice({ error, onRetry }: { error: string | undefined; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div class="notice notice-error" role="alert">
      <span>{error}</span>
      {onRetry && (
        <Button variant="quiet" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

/** A page's heading, focused when the page opens so screen readers announce it. */
export function PageHeading({ title, children }: { title: string; children?: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    document.title = `${title} · Callplane console`;
  }, [title]);
  return (
    <div class="page-heading">
      <h1 tabIndex={-1} ref={ref}>
        {title}
      </h1>
      {children && <div class="page-actions">{children}</div>}
    </div>
  );
}

/**
 * A modal dialog (the native <dialog>: focus stays inside, Escape closes, focus returns to what
 * opened it).
 */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Before paint: the dialog is modal (and has the focus) as soon as it shows.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} class="dialog">
      <div class="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="btn btn-quiet icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {open && children}
    </dialog>
  );
}

export function Section({ title, children, actions, id }: { title: string; children: ComponentChildren; actions?: ComponentChildren; id?: string }) {
  const headingId = useId();
  return (
    <section class="card" aria-labelledby={headingId} id={id}>
      <div class="card-head">
        <h2 id={headingId}>{title}</h2>
        {actions && <div class="card-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
