import { useId, useState } from 'react';
import type { FieldErrors, FolderForm } from '../view/settings-form.js';
import { CheckField, SelectField, SentenceField, TextAreaField, TextField } from './form-fields.js';

interface FolderFieldsProps {
  folder: FolderForm;
  index: number;
  errors: FieldErrors;
  /** False for a Chatterbox config: only the limits can change. */
  editable: boolean;
  onChange: (patch: Partial<FolderForm>) => void;
  onRemove: () => void;
  /** Set when the saved folder's path does not exist: offers to create it. */
  onCreate?: (() => void) | undefined;
  /** Set in the desktop app: opens the system's folder dialog (null when cancelled, or why it failed). */
  onBrowse?:
    (() => Promise<{ picked: { handle: string; path: string } | null } | { error: string }>) | undefined;
}

/** One folder of the settings form, as a fieldset named after the folder. */
export function FolderFields(props: FolderFieldsProps) {
  const { folder, index, errors, editable, onChange, onRemove, onCreate, onBrowse } = props;
  const [browseError, setBrowseError] = useState<string | null>(null);
  const limitErrorId = useId();
  const err = (key: string) => errors[`folders.${index}.${key}`];
  const folderError = errors[`folders.${index}`];
  const name = folder.name.trim() || `New folder ${index + 1}`;
  const limitField = (key: 'max_size_gb' | 'max_files' | 'max_age_days') => (
    <SentenceField
      yamlKey={key}
      value={folder[key]}
      error={err(key)}
      describedBy={folderError ? limitErrorId : undefined}
      onChange={(value) => onChange({ [key]: value })}
    />
  );
  return (
    <fieldset className="folder-fields" data-testid={`settings-folder-${index}`}>
      <legend>{name}</legend>
      <div className="field-grid">
        <TextField
          label="Name"
          value={folder.name}
          error={err('name')}
          disabled={!editable}
          onChange={(v) => onChange({ name: v })}
        />
        <TextField
          label="Path"
          value={folder.path}
          error={err('path')}
          disabled={!editable}
          onChange={(v) => onChange({ path: v, picked: undefined })}
        />
        {onBrowse && editable && (
          <button
            type="button"
            className="browse-button"
            aria-label={`Browse for the folder of ${name}`}
            onClick={async () => {
              const result = await onBrowse();
              setBrowseError('error' in result ? result.error : null);
              if ('picked' in result && result.picked) {
                onChange({ path: result.picked.path, picked: result.picked });
              }
            }}
          >
            Browse…
          </button>
        )}
      </div>
      {browseError && (
        <p role="alert" className="field-error">
          {browseError}
        </p>
      )}
      {onCreate && (
        <p className="folder-missing" data-testid="create-folder-offer">
          No folder exists at this path.{' '}
          <button type="button" onClick={onCreate}>
            Create folder {name}
          </button>
        </p>
      )}
      <div className="field-grid" role="group" aria-label={`${name} limits`}>
        {limitField('max_size_gb')}
        {limitField('max_files')}
        {limitField('max_age_days')}
      </div>
      {folderError && (
        <p id={limitErrorId} className="field-error" data-testid="folder-error">
          {folderError}
        </p>
      )}
      <div className="field-grid">
        <SentenceField
          yamlKey="min_age_minutes"
          placeholder="10"
          value={folder.min_age_minutes}
          error={err('min_age_minutes')}
          disabled={!editable}
          onChange={(v) => onChange({ min_age_minutes: v })}
        />
        <SentenceField
          yamlKey="size_target_percent"
          placeholder="80"
          value={folder.size_target_percent}
          error={err('size_target_percent')}
          disabled={!editable}
          onChange={(v) => onChange({ size_target_percent: v })}
        />
        <SelectField
          label="Action"
          value={folder.action}
          disabled={!editable}
          options={[
            { value: 'delete', label: 'Delete' },
            { value: 'trash', label: 'Move to trash' },
          ]}
          onChange={(v) => onChange({ action: v })}
        />
      </div>
      <div className="field-grid">
        <TextAreaField
          label="Exclude (one glob per line)"
          value={folder.exclude}
          error={err('exclude')}
          disabled={!editable}
          onChange={(v) => onChange({ exclude: v })}
        />
        <TextAreaField
          label="Protect (one glob per line)"
          value={folder.protect}
          error={err('protect')}
          disabled={!editable}
          onChange={(v) => onChange({ protect: v })}
        />
      </div>
      <CheckField
        label="Enabled"
        checked={folder.enabled}
        disabled={!editable}
        onChange={(v) => onChange({ enabled: v })}
      />
      {editable && (
        <button type="button" className="danger-link" onClick={onRemove}>
          Remove folder {name}
        </button>
      )}
    </fieldset>
  );
}
