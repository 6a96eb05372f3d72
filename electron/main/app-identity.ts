/**
 * Windows' AppUserModelID: toasts carry the app's name and the taskbar groups its windows by it. Must equal
 * electron-builder.yml's appId, which the installer writes into the Start menu shortcut, and the name of
 * the "Start at login" Run value the uninstaller removes (build/installer.nsh). A test checks all three.
 */
export const APP_USER_MODEL_ID = 'dev.headroom.app';
