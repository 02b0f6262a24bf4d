import { desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db';
import { certificateSettings, files, persons } from '../../db/schema';

export type CertificateSettingsRow = typeof certificateSettings.$inferSelect;

/** The settings saved for one region, with the seal's file row and who saved them. */
export async function findSettings(q: Queryable, regionCode: string) {
  const [row] = await q
    .select({ settings: certificateSettings, seal: files, updatedByName: persons.realName })
    .from(certificateSettings)
    .leftJoin(files, eq(files.id, certificateSettings.sealFileId))
    .leftJoin(persons, eq(persons.accountId, certificateSettings.updatedBy))
    .where(eq(certificateSettings.regionCode, regionCode));
  return row;
}

/** Locks the region's row (two HRSS agents saving at once: one after the other). */
export async function lockSettings(q: Queryable, regionCode: string) {
  const [row] = await q
    .select()
    .from(certificateSettings)
    .where(eq(certificateSettings.regionCode, regionCode))
    .for('update');
  return row;
}

/**
 * The settings that apply to a region: those of the longest region code it starts with
 * (a city's over the province's), with the seal's file row.
 */
export async function applicableSettings(q: Queryable, regionCode: string | null) {
  const [row] = await q
    .select({ settings: certificateSettings, seal: files })
    .from(certificateSettings)
    .leftJoin(files, eq(files.id, certificateSettings.sealFileId))
    .where(sql`${regionCode ?? ''} like ${certificateSettings.regionCode} || '%'`)
    .orderBy(desc(sql`length(${certificateSettings.regionCode})`))
    .limit(1);
  return row;
}

export async function upsertSettings(
  q: Queryable,
  values: { regionCode: string; authorityName: string; sealFileId: string | null; updatedBy: string },
) {
  await q
    .insert(certificateSettings)
    .values({ ...values, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: certificateSettings.regionCode,
      set: {
        authorityName: values.authorityName,
        sealFileId: values.sealFileId,
        updatedBy: values.updatedBy,
        updatedAt: new Date(),
      },
    });
}
