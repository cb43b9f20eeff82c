// One staff or influencer action as a form: labelled fields, a submit button that says what it does, and the
// API's message shown in place (role=alert) when the action is refused.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api';
import { useI18n } from '../i18n';

export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'textarea' | 'datetime' | 'number' | 'select' | 'file' | 'email';
  required?: boolean;
  options?: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  /** For file fields: accepted types. */
  accept?: string;
  multiple?: boolean;
}

export type Values = Record<string, string>;
export type Files = Record<string, File[]>;

interface Props {
  id: string;
  title: string;
  submit: string;
  fields?: Field[];
  description?: ComponentChildren;
  danger?: boolean;
  onSubmit: (values: Values, files: Files) => Promise<unknown>;
  onDone?: () => void;
  /** Big, touch-friendly controls (her phone page). */
  large?: boolean;
}

/** A datetime-local value ("2026-12-01T12:00") as the API's ISO-8601 instant, in the reader's time zone. */
export function isoFromLocal(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** An instant as a datetime-local value in the reader's time zone. */
export function localFromIso(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function ActionForm({ id, title, submit, fields = [], description, danger, onSubmit, onDone, large }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const handle = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const values: Values = {};
    const files: Files = {};
    for (const f of fields) {
      const el = form.elements.namedItem(f.name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
      if (!el) continue;
      if (f.type === 'file') files[f.name] = Array.from((el as HTMLInputElement).files ?? []);
      else values[f.name] = f.type === 'datetime' && el.value ? isoFromLocal(el.value) : el.value.trim();
    }
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await onSubmit(values, files);
      setDone(true);
      form.reset();
      onDone?.();
    } catch (err) {
      setError(err instanceof ApiFailure ? (err.status === 0 ? t('error.network') : err.message) : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class={`action${large ? ' large' : ''}${danger ? ' danger' : ''}`} id={id} onSubmit={handle} aria-labelledby={`${id}-heading`} noValidate={false}>
      <h4 id={`${id}-heading`}>{title}</h4>
      {description && <div class="hint">{description}</div>}
      {fields.map((f) => {
        const fid = `${id}-${f.name}`;
        const hint = f.hint ? `${fid}-hint` : undefined;
        return (
          <div class="field" key={f.name}>
            <label for={fid}>
              {f.label}
              {f.required ? '' : ` (${t('form.optional')})`}
            </label>
            {f.type === 'textarea' ? (
              <textarea id={fid} name={f.name} required={f.required} rows={3} defaultValue={f.defaultValue} aria-describedby={hint} />
            ) : f.type === 'select' ? (
              <select id={fid} name={f.name} required={f.required} aria-describedby={hint} defaultValue={f.defaultValue}>
                {(f.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.type === 'file' ? (
              <input id={fid} name={f.name} type="file" required={f.required} accept={f.accept} multiple={f.multiple} aria-describedby={hint} />
            ) : f.type === 'datetime' ? (
              <input id={fid} name={f.name} type="datetime-local" required={f.required} defaultValue={f.defaultValue} aria-describedby={hint} />
            ) : f.type === 'number' ? (
              <input id={fid} name={f.name} type="number" min={0} required={f.required} defaultValue={f.defaultValue} aria-describedby={hint} />
            ) : f.type === 'email' ? (
              <input id={fid} name={f.name} type="email" required={f.required} defaultValue={f.defaultValue} aria-describedby={hint} />
            ) : (
              <input id={fid} name={f.name} type="text" required={f.required} defaultValue={f.defaultValue} aria-describedby={hint} />
            )}
            {f.hint && (
              <p class="hint" id={hint}>
                {f.hint}
              </p>
            )}
          </div>
        );
      })}
      <div class="buttons">
        <button type="submit" disabled={busy} class={danger ? 'danger' : 'primary'}>
          {busy ? t('form.working') : submit}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {done && !error && (
        <p class="ok" role="status">
          {t('form.done')}
        </p>
      )}
    </form>
  );
}
