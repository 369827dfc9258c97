export function seedDemoEnabled(env: Record<string, string | undefined>): boolean;
