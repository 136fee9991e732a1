; WorkshopDesk for Windows: an installer for the user alone, no administrator rights needed.
; Built by installer/build.py, which passes the bundle, the icon and the version:
;   iscc /DAppVersion=0.1.0 /DSourceDir=...\bundle\WorkshopDesk /DIconFile=...\workshopdesk.ico
;        /O<out> installer\windows\workshopdesk.iss
; It installs into %LOCALAPPDATA%\Programs\WorkshopDesk, adds a Start menu entry and makes
; .workshop files open in WorkshopDesk (registered under HKEY_CURRENT_USER). Like install.sh on
; Linux, it never touches the user's workshop files, nor removes them when uninstalled.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\bundle\WorkshopDesk"
#endif
#ifndef IconFile
  #define IconFile "..\..\dist\icons\workshopdesk.ico"
#endif
#define AppName "WorkshopDesk"
#define AppExe "workshopdesk.exe"
#define ProgId "WorkshopDesk.Workshop"

[Setup]
AppId={{5C2E8F4A-7B31-4D6A-9E0C-3A1F6B8D2E47}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Per user: {autopf} is %LOCALAPPDATA%\Programs and HKA is HKEY_CURRENT_USER.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputBaseFilename={#AppName}-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle, so no file of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "open"; Comment: "The problem wall for your workshop"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "open"; Tasks: desktopicon

[Registry]
; .workshop files: a WorkshopDesk workshop, opened with "workshopdesk.exe open <file>".
Root: HKA; Subkey: "Software\Classes\.workshop"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.workshop"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-workshopdesk"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.workshop\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "WorkshopDesk workshop"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".workshop"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "open"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
