// Imported first by the entry point: libraries that load dotenv (natural's storage backends) print
// advertising to stdout unless told to be quiet, and stdout belongs to machine-readable output.
process.env.DOTENV_CONFIG_QUIET = 'true';
