import { useId, type ReactNode } from 'react';
import { FIELD_PRESETS } from '../view/field-presets.js';
import { FIELD_SENTENCES, type SentenceKey } from '../view/field-sentences.js';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  disabled?: boolean;
  /** Ids of other messages that also describe this field (e.g. the folder's "needs a limit"). */
  describedBy?: string | undefined;
}

interface FrameIds {
  input: string;
  described: string | undefined;
  /** Set when the field sits inside a sentence: its words and unit, which name it together. */
  labelledBy: string | undefined;
}

/**
 * A labelled input with its validation message beside it, tied by aria-describedby. With a unit, the label
 * and the unit stand on one line around the input ("Keep at most [200] files") and both name it.
 */
function FieldFrame({
  label,
  unit,
  error,
  hint,
  children,
}: FieldProps & { unit?: string | undefined; children: (ids: FrameIds) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const labelledBy = unit === undefined ? undefined : `${id}-label ${id}-unit`;
  const input = children({ input: id, described, labelledBy });
  return (
    <div className={`field${unit === undefined ? '' : ' field-sentence'}${error ? ' field-invalid' : ''}`}>
      {unit === undefined ? (
        <>
          <label htmlFor={id}>{label}</label>
          {input}
        </>
      ) : (
        <span className="field-line">
          <label id={`${id}-label`} htmlFor={id}>
            {label}
          </label>
          {input}
          <span id={`${id}-unit`}>{unit}</span>
        </span>
      )}
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

const join = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** A number field worded as a sentence (view/field-sentences.ts), with its presets and tooltip. */
export function SentenceField(
  props: Omit<Parameters<typeof TextField>[0], 'label' | 'type' | 'yamlKey'> & { yamlKey: SentenceKey },
) {
  const { words, unit } = FIELD_SENTENCES[props.yamlKey];
  return <TextField {...props} type="number" label={words} unit={unit} />;
}

export function TextField(
  props: FieldProps & {
    /** The words after the field, when it is part of a sentence. */
    unit?: string;
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'number';
    placeholder?: string;
    /** The config.yaml key: named in the tooltip only, and the presets offered (view/field-presets.ts). */
    yamlKey?: string;
  },
) {
  const { value, onChange, type = 'text', placeholder, disabled, error, describedBy, yamlKey } = props;
  const presets = yamlKey !== undefined ? (FIELD_PRESETS[yamlKey] ?? []) : [];
  return (
    <FieldFrame {...props}>
      {({ input, described, labelledBy }) => (
        <>
          {presets.length > 0 && (
            <datalist id={`${input}-presets`}>
              {presets.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </datalist>
          )}
          <input
            id={input}
            // A number field is a text input with a decimal keyboard: an <input type="number"> drops what it
            // cannot read ("2OO" arrives as "2" or ""), and the form must see the typo to refuse it.
            type="text"
            inputMode={type === 'number' ? 'decimal' : undefined}
            value={value}
            placeholder={placeholder}
            readOnly={disabled}
            list={presets.length > 0 && !disabled ? `${input}-presets` : undefined}
            title={yamlKey !== undefined ? `config.yaml: ${yamlKey}` : undefined}
            aria-labelledby={labelledBy}
            aria-invalid={error ? true : undefined}
            aria-describedby={join(described, describedBy)}
            onChange={(e) => onChange(e.target.value)}
          />
        </>
      )}
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { value: string; onChange: (value: string) => void }) {
  const { value, onChange, disabled, error } = props;
  return (
    <FieldFrame {...props}>
      {({ input, described }) => (
        <textarea
          id={input}
          rows={2}
          value={value}
          readOnly={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  disabled,
}: FieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check-field">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      {label}
    </label>
  );
}

export function SelectField<V extends string>(
  props: FieldProps & { value: V; options: { value: V; label: string }[]; onChange: (value: V) => void },
) {
  const { value, options, onChange, disabled } = props;
  return (
    <FieldFrame {...props}>
      {({ input, described }) => (
        <select
          id={input}
          value={value}
          disabled={disabled}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value as V)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
