// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is
// signed, turning off what an attacker with local access could use to run code as the app.
// Loaded by electron-builder (Node, ES module), not part of the app bundle.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuses this app sets; docs/SECURITY.md lists them and afterPack.test.ts checks them. */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node runtime.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect let anyone who can start the app inject code into it.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app code is only loaded from app.asar, and only if it matches the hash in the binary.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // file:// gets no extra privileges; the renderer is served from app://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

function executableOf(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // On macOS the app is signed after this hook; resetting the ad-hoc signature keeps it launchable
  // for unsigned local builds (arm64 refuses a binary whose signature no longer matches).
  await flipFuses(executableOf(context), { ...FUSES, resetAdHocDarwinSignature: isMac });
}

export default afterPack;
