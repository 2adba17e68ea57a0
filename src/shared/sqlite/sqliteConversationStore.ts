import type Database from 'better-sqlite3';
import type { Activity } from 'botbuilder';
import {
  activityId,
  CONVERSATION_IDLE_MS,
  MAX_ACTIVITIES_PER_CONVERSATION,
  type ActivitiesSince,
  type Conversation,
  type ConversationStore,
} from '../../channels/directLine/conversationStore';

interface Row {
  id: string;
  user_id: string;
  token_id: string;
}

/** Direct Line conversations in the SQLite file: a chat carries on after a restart (with DIRECTLINE_SECRET set). */
export class SqliteConversationStore implements ConversationStore {
  private readonly insert: Database.Statement<[string, string, string, number]>;
  private readonly select: Database.Statement<[string, number], Row>;
  private readonly touch: Database.Statement<[number, string]>;
  private readonly updateToken: Database.Statement<[string, string]>;
  private readonly start: Database.Statement<[string]>;
  private readonly append: Database.Transaction<(id: string, activity: Partial<Activity>) => string>;
  private readonly after: Database.Statement<[string, number], { watermark: number; activity: string }>;
  private readonly lastOf: Database.Statement<[string], { last: number }>;
  private readonly clearUser: Database.Statement<[string]>;
  private readonly expire: Database.Transaction<(now: number) => void>;

  constructor(
    db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS dl_conversations (
      id TEXT PRIMARY KEY, user_id TEXT NOT NULL, token_id TEXT NOT NULL,
      started INTEGER NOT NULL DEFAULT 0, last INTEGER NOT NULL DEFAULT 0, last_used INTEGER NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS dl_conversations_user ON dl_conversations (user_id)');
    db.exec(`CREATE TABLE IF NOT EXISTS dl_activities (
      conversation_id TEXT NOT NULL, watermark INTEGER NOT NULL, activity TEXT NOT NULL,
      PRIMARY KEY (conversation_id, watermark))`);
    this.insert = db.prepare('INSERT INTO dl_conversations (id, user_id, token_id, last_used) VALUES (?, ?, ?, ?)');
    this.select = db.prepare('SELECT id, user_id, token_id FROM dl_conversations WHERE id = ? AND last_used > ?');
    this.touch = db.prepare('UPDATE dl_conversations SET last_used = ? WHERE id = ?');
    this.updateToken = db.prepare('UPDATE dl_conversations SET token_id = ? WHERE id = ?');
    this.start = db.prepare('UPDATE dl_conversations SET started = 1 WHERE id = ? AND started = 0');
    const next = db.prepare<[string], { last: number }>(
      'UPDATE dl_conversations SET last = last + 1 WHERE id = ? RETURNING last',
    );
    const insertActivity = db.prepare<[string, number, string]>(
      'INSERT INTO dl_activities (conversation_id, watermark, activity) VALUES (?, ?, ?)',
    );
    const trim = db.prepare<[string, number]>('DELETE FROM dl_activities WHERE conversation_id = ? AND watermark <= ?');
    this.append = db.transaction((id: string, activity: Partial<Activity>) => {
      const row = next.get(id);
      if (!row) return '';
      insertActivity.run(id, row.last, JSON.stringify(activity));
      trim.run(id, row.last - MAX_ACTIVITIES_PER_CONVERSATION);
      return activityId(id, row.last);
    });
    this.after = db.prepare(
      'SELECT watermark, activity FROM dl_activities WHERE conversation_id = ? AND watermark > ? ORDER BY watermark',
    );
    this.lastOf = db.prepare('SELECT last FROM dl_conversations WHERE id = ?');
    this.clearUser = db.prepare(
      'DELETE FROM dl_activities WHERE conversation_id IN (SELECT id FROM dl_conversations WHERE user_id = ?)',
    );
    const idleActivities = db.prepare<[number]>(
      'DELETE FROM dl_activities WHERE conversation_id IN (SELECT id FROM dl_conversations WHERE last_used <= ?)',
    );
    const idleConversations = db.prepare<[number]>('DELETE FROM dl_conversations WHERE last_used <= ?');
    this.expire = db.transaction((now: number) => {
      idleActivities.run(now - CONVERSATION_IDLE_MS);
      idleConversations.run(now - CONVERSATION_IDLE_MS);
    });
  }

  async create({ id, userId, tokenId }: Conversation): Promise<void> {
    this.insert.run(id, userId, tokenId, this.now());
  }

  async find(id: string): Promise<Conversation | undefined> {
    const now = this.now();
    const row = this.select.get(id, now - CONVERSATION_IDLE_MS);
    if (!row) return undefined;
    this.touch.run(now, id);
    return { id: row.id, userId: row.user_id, tokenId: row.token_id };
  }

  async setToken(id: string, tokenId: string): Promise<void> {
    this.updateToken.run(tokenId, id);
  }

  async markStarted(id: string): Promise<boolean> {
    return this.start.run(id).changes === 1;
  }

  async add(id: string, activity: Partial<Activity>): Promise<string> {
    return this.append.immediate(id, activity);
  }

  async since(id: string, watermark: number): Promise<ActivitiesSince> {
    const activities = this.after
      .all(id, watermark)
      .map((row) => ({ ...(JSON.parse(row.activity) as Partial<Activity>), id: activityId(id, row.watermark) }));
    return { activities, watermark: String(this.lastOf.get(id)?.last ?? 0) };
  }

  async forgetUser(userId: string): Promise<void> {
    this.clearUser.run(userId);
  }

  /** Idle conversations go (Redis expires its keys itself). */
  expireIdle(): void {
    this.expire(this.now());
  }
}
