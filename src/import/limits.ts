/** The largest input the importer reads, in bytes (a large template is a few hundred kB). Its own module so the page can check a file's size without loading the parser. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
