import type { ReactNode } from 'react';

/** What a field hands its control: the id its label names, and what describes it. */
export interface FieldControl {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled control with its hint and its error under it. The control is tied to both by
 * `aria-describedby` (hint first, so a screen reader says what is asked before what is wrong),
 * and marked invalid while there is an error; the ids are the control's with `-hint` and
 * `-error`.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  /** The control's id. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** What is wrong with the value, or nothing. */
  error?: ReactNode;
  /** Classes beside `field` on the wrapper. */
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="error field-error">
          {error}
        </span>
      )}
    </div>
  );
}
