; SPDX-License-Identifier: MIT
; Inno Setup 6 script for Journal's Windows installer (.github/workflows/windows.yml runs it).
;
;   iscc /DAppVersion=0.1.0 installer\journal.iss
;
; Packs the PyInstaller one-folder bundle build\pyinstaller\dist\journal\ into
; dist\journal-<version>-windows-x64-setup.exe. Installs for the current user by default (no administrator needed;
; the first page offers "all users"). Upgrading is running a newer installer: the same AppId finds the old install.
; Your journal, settings.ini and backups\ live in %APPDATA%\Journal\Journal, which this installer and its
; uninstaller never touch.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\journal.iss
#endif

[Setup]
; The AppId must never change: it is how an upgrade or the uninstaller finds an existing installation.
AppId={{B87F1744-78B7-4C4B-8406-ADE83C033E79}
AppName=Journal
AppVersion={#AppVersion}
AppVerName=Journal {#AppVersion}
AppPublisher=Journal developers
DefaultDirName={autopf}\Journal
DefaultGroupName=Journal
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=journal-{#AppVersion}-windows-x64-setup
SetupIconFile=..\resources\icons\journal.ico
UninstallDisplayIcon={app}\journal.exe
UninstallDisplayName=Journal
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no file of an older version is left behind to be loaded by mistake.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\build\pyinstaller\dist\journal\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Journal"; Filename: "{app}\journal.exe"
Name: "{autodesktop}\Journal"; Filename: "{app}\journal.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\journal.exe"; Description: "{cm:LaunchProgram,Journal}"; Flags: nowait postinstall skipifsilent
