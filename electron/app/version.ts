import packageJson from '../../package.json' with { type: 'json' };

/** The program's version, from package.json, as shown by `--version` and the home screen. */
export const appVersion: string = packageJson.version;
