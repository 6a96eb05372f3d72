import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConfigView } from '../../../shared/bridge.js';
import { fieldOfIssue, issuesByField } from '../../../shared/config-fields.js';
import { useActions } from '../api/actions-context.js';
import { ImpactDialog } from './impact-dialog.js';
import { useDashboard } from '../store/dashboard-store.js';
import {
  buildPatch,
  emptyFolderForm,
  SETTING_NUMBER_KEYS,
  type SETTING_BOOLEAN_KEYS,
  toForm,
  type ConfigForm,
  type FieldErrors,
  type FolderForm,
  type SettingsForm,
} from '../view/settings-form.js';
import { FindFoldersButton } from './found-folders.js';
import { FolderFields } from './folder-fields.js';
import { CheckField, SentenceField } from './form-fields.js';

/** The settings editor: loads the config view, and starts over from it whenever the file changes. */
export function SettingsEditor() {
  const config = useDashboard((s) => s.config);
  const status = useDashboard((s) => s.configStatus);
  const error = useDashboard((s) => s.configLoadError);
  return (
    <section aria-labelledby="settings-heading" className="settings">
      <h2 id="settings-heading">Settings</h2>
      <FindFoldersButton />
      {status === 'error' && (
        <p role="alert" className="form-error">
          Could not read the configuration: {error}
        </p>
      )}
      {!config && status !== 'error' && <p role="status">Loading settings…</p>}
      {/* Keyed by the file's text: a save or an outside edit resets the form, a reconnect does not. */}
      {config && <SettingsFormView key={config.text} view={config} />}
    </section>
  );
}

const SETTING_CHECKS: { key: (typeof SETTING_BOOLEAN_KEYS)[number]; label: string }[] = [
  { key: 'cleanup_on_startup', label: 'Clean up on start-up' },
  { key: 'notifications', label: 'Desktop notifications' },
  { key: 'start_at_login', label: 'Start at login' },
];

function SettingsFormView({ view }: { view: ConfigView }) {
  const actions = useActions();
  const save = useDashboard((s) => s.save);
  const [form, setForm] = useState<ConfigForm>(() => toForm(view));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The engine's refusals stand at their fields beside the form's own, until the next save.
  const shown = save.status === 'error' ? { ...issuesByField(save.issues), ...errors } : errors;

  // After a failed validation, take the keyboard to the first field that needs fixing.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, save.issues]);

  const setSetting = (key: keyof SettingsForm, value: string | boolean) =>
    setForm((f) => ({ ...f, settings: { ...f.settings, [key]: value } }));
  const setFolder = (index: number, patch: Partial<FolderForm>) =>
    setForm((f) => ({
      ...f,
      folders: f.folders.map((folder, i) => (i === index ? { ...folder, ...patch } : folder)),
    }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const result = buildPatch(form, view);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if (!result.patch) setNotice('Nothing changed.');
    else void actions.saveConfig(result.patch);
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form ref={formRef} aria-label="Settings" noValidate onSubmit={onSubmit}>
      <p className="folder-note">
        Editing <code>{view.source.file}</code>
        {view.foldersEditable ? '' : ' (a Chatterbox config: only limits and settings can change here)'}.
      </p>
      <GeneralFields settings={form.settings} errors={shown} onChange={setSetting} />
      {form.folders.map((folder, index) => (
        <FolderFields
          key={folder.key}
          folder={folder}
          index={index}
          errors={shown}
          editable={view.foldersEditable}
          onChange={(patch) => setFolder(index, patch)}
          onBrowse={actions.canPickFolder ? actions.pickFolder : undefined}
          onRemove={() => setForm((f) => ({ ...f, folders: f.folders.filter((_, i) => i !== index) }))}
          onCreate={
            isSavedMissing(view, folder) ? () => void actions.createFolder(folder.name.trim()) : undefined
          }
        />
      ))}
      {shown['folders'] && <p className="field-error">{shown['folders']}</p>}
      <div className="button-row">
        {view.foldersEditable && (
          <button
            type="button"
            onClick={() => setForm((f) => ({ ...f, folders: [...f.folders, emptyFolderForm()] }))}
          >
            Add folder
          </button>
        )}
        <button type="submit" className="primary" disabled={save.status === 'saving'}>
          Save settings
        </button>
      </div>
      <ImpactDialog />
      <SaveMessages errorCount={errorCount} notice={notice} />
    </form>
  );
}

interface GeneralFieldsProps {
  settings: SettingsForm;
  errors: FieldErrors;
  onChange: (key: keyof SettingsForm, value: string | boolean) => void;
}

/** The top-level settings of config.yaml. */
function GeneralFields({ settings, errors, onChange }: GeneralFieldsProps) {
  return (
    <fieldset>
      <legend>General</legend>
      <div className="field-grid">
        {SETTING_NUMBER_KEYS.map((key) => (
          <SentenceField
            key={key}
            yamlKey={key}
            value={settings[key]}
            error={errors[`settings.${key}`]}
            onChange={(v) => onChange(key, v)}
          />
        ))}
        {SETTING_CHECKS.map(({ key, label }) => (
          <CheckField key={key} label={label} checked={settings[key]} onChange={(v) => onChange(key, v)} />
        ))}
      </div>
    </fieldset>
  );
}

function SaveMessages({ errorCount, notice }: { errorCount: number; notice: string | null }) {
  const save = useDashboard((s) => s.save);
  const missing = useDashboard((s) => s.config?.missingFolders ?? NO_NAMES);
  if (errorCount > 0) {
    return (
      <p role="alert" className="form-error">
        Fix {errorCount === 1 ? 'the field' : `the ${errorCount} fields`} marked above before saving.
      </p>
    );
  }
  if (notice) return <p role="status">{notice}</p>;
  if (save.status === 'error') {
    const prefix =
      save.code === 'config-readonly' ? 'This setting cannot be changed here' : 'Headroom refused the change';
    // Issues with a field are shown there; only the rest (a YAML syntax error in the file) are said here.
    const unplaced = save.issues.filter((i) => fieldOfIssue(i) === null).map((i) => i.message);
    const placed = Object.keys(issuesByField(save.issues)).length;
    const text =
      save.issues.length === 0
        ? save.message
        : [placed > 0 ? `fix the ${placed === 1 ? 'field' : 'fields'} marked above` : '', ...unplaced]
            .filter(Boolean)
            .join('; ');
    return (
      <p role="alert" className="form-error" data-testid="save-error">
        {prefix}: {text}
      </p>
    );
  }
  if (save.status === 'saved') return <p role="status">Saved.{missingText(missing)}</p>;
  if (save.status === 'saving') return <p role="status">Saving…</p>;
  return null;
}

/**
 * The engine creates a missing folder by name at its saved path, so the offer stands only while the form
 * still shows that folder as saved (an edited, unsaved path would be a different folder).
 */
function isSavedMissing(view: ConfigView, folder: FolderForm): boolean {
  const name = folder.name.trim();
  const saved = view.folders.find((f) => f.name === name);
  return saved !== undefined && saved.path === folder.path.trim() && view.missingFolders.includes(name);
}

const NO_NAMES: string[] = [];

/** " No folder exists yet at the path of temp: create it below or correct its path." after a save. */
function missingText(names: readonly string[]): string {
  if (names.length === 0) return '';
  const which = names.join(', ');
  return ` No folder exists yet at the path of ${which}: create it below or correct the path.`;
}
