; Inno Setup 6.3 or newer: the Windows installer of Hearing Desk.
; It packs the PyInstaller one-folder bundle "dist\Hearing Desk\" (packaging/hearing-desk.spec): the
; windowed "Hearing Desk.exe" and the console "hearing-desk-admin.exe" (migrate, --version, decode, ...).
; Build from the repository root with the version of the package (app/__init__.py):
;     python packaging\windows_installer.py
; which runs iscc /DAppVersion=<version> /DAppVersionNumeric=<X.Y.Z.W> packaging\windows-installer.iss.
; AppVersion may be any version (0.3.0rc1, 0.3.0.dev2); AppVersionNumeric is its numeric X.Y.Z.W form,
; which Windows' file version needs. The installer lands in dist\ as HearingDesk-<version>-setup.exe.

#ifndef AppVersion
  #error Build with: python packaging\windows_installer.py (it passes /DAppVersion and /DAppVersionNumeric)
#endif
#ifndef AppVersionNumeric
  #error Build with: python packaging\windows_installer.py (it passes /DAppVersion and /DAppVersionNumeric)
#endif

#define AppName "Hearing Desk"
#define AppExeName "Hearing Desk.exe"
#define BundleDir "..\dist\Hearing Desk"

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{AE7EB3A1-93AF-4898-B55E-FADC5A7BF9DC}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; The icon of the installer, and of the uninstall entry (the program's own, resources/icons/hearing-desk.ico).
SetupIconFile=..\resources\icons\hearing-desk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
; Installed for all users by IT; a user without administrator rights may still install for themselves.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=HearingDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Hearing Desk before files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\Swedish.isl")
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle; a new version first removes the old program files (the user's database lives
; in the user's data folder, not here, and is never touched by the installer).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
