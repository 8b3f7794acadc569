// conda-meta/history records every transaction: `+<channel>/<subdir>::<name>-<version>-<build>` for each package
// linked. The channels in it say where an environment's packages came from (RoboStack for `ros-*`).

export function historyChannels(text: string): string[] {
  const channels: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^[+-](.+?)\/(?:[a-z0-9]+-[a-z0-9_]+|noarch)::/.exec(line.trim());
    const channel = match?.[1]?.replace(/^https?:\/\/[^/]+\//, '');
    if (channel !== undefined && !channels.includes(channel)) channels.push(channel);
  }
  return channels;
}
