import type { ActorKind, OrgRole, Permission } from '@ce/shared';
import type { IdentityProvider } from '../modules/realname/identity-provider';
import type { Config } from './config';
import type { Db } from './db';
import type { FileStore } from './file-store';
import type { JobQueue } from './jobs';
import type { SmsSender } from './sms';

/** Who is acting: resolved from the session on every request. */
export interface Actor {
  sessionId: string;
  accountId: string;
  accountKind: 'person' | 'unit';
  kind: ActorKind;
  loginName: string;
  displayName: string;
  realnameLevel: number | null;
  mustChangePassword: boolean;
  actingUnit: { id: string; name: string; regionCode: string; roles: OrgRoleGrant[] } | null;
  permissions: ReadonlySet<Permission>;
  expiresAt: Date;
}

export interface OrgRoleGrant {
  role: OrgRole;
  level: 'province' | 'city' | 'county';
  regionCode: string;
  /** 专业序列 of an authority grant; null for other roles */
  series: string | null;
}

/** What a service needs to know about the request it serves. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
}

/** Long-lived dependencies, built once in app.ts. */
export interface Services {
  db: Db;
  config: Config;
  files: FileStore;
  sms: SmsSender;
  identity: IdentityProvider;
  jobs: JobQueue;
}
