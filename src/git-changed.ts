// Placeholder until --changed lands (owned by the integrations work).
export async function changedMarkdownFiles(cwd: string, ref?: string): Promise<string[]> { throw new Error(`--changed is not implemented yet (${cwd} ${ref ?? ''})`); }
