/** JavaScript source for a data value; throws, naming `where`, on anything but data. */
export declare function toSource(value: unknown, where: string): string;
