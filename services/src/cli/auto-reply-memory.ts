/** AutoReplyLog in memory for one CLI run: counts the automatic replies this run decided, by sender and thread. */
import type { AutoReplyCounts, AutoReplyLog } from '@replique/activities/triage/pipeline';

export class MemoryAutoReplyLog implements AutoReplyLog {
  private readonly sent: { sender: string; thread: string | null; at: number }[] = [];

  async recent(sender: string, threadKey: string | null, at: string | null): Promise<AutoReplyCounts> {
    const t = at ? Date.parse(at) : Number.NaN;
    const s = sender.toLowerCase();
    return {
      sender: this.sent.filter((e) => e.sender === s && (Number.isNaN(t) || (e.at <= t && t - e.at < 86_400_000))).length,
      thread: threadKey ? this.sent.filter((e) => e.thread === threadKey).length : 0,
    };
  }

  note(sender: string, threadKey: string | null, at: string | null): void {
    this.sent.push({ sender: sender.toLowerCase(), thread: threadKey, at: at ? Date.parse(at) : 0 });
  }
}
