; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; "Start at login" is a Run value Electron writes under the AppUserModelID (dev.headroom.app; builds before
; the app set it used Electron's default, electron.app.Headroom). An uninstall removes it, and Windows' own
; "approved" flag beside it; an update (the old uninstaller runs with --updated) keeps the user's choice.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "dev.headroom.app"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "dev.headroom.app"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "electron.app.Headroom"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "electron.app.Headroom"
  ${endIf}
!macroend
