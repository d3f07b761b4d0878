import type { Kysely } from 'kysely';

// Devices (phones added by MAC address or activation code) of a person or a workspace, and the
// lines on them: each port a member's line, the owner's primary line on port 1 and others'
// lines as shared call appearances. A device goes with its owner; its members with the device.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id').onDelete('set null'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    /** 12 upper-case hex digits; null for a device waiting for its activation code. */
    .addColumn('mac', 'text')
    .addColumn('model', 'text', (c) => c.notNull())
    /** JSON array of tags. */
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('activation_state', 'text', (c) => c.notNull())
    .addColumn('activation_code', 'text')
    .addColumn('activation_expiry', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  // A MAC names one phone of an organization.
  await db.schema.createIndex('devices_mac').unique().on('devices').columns(['org_id', 'mac']).execute();
  await db.schema.createIndex('devices_person').on('devices').column('person_id').execute();
  await db.schema.createIndex('devices_workspace').on('devices').column('workspace_id').execute();

  await db.schema
    .createTable('device_members')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    /** person, workspace or virtualLine: whose line the port carries. */
    .addColumn('member_kind', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    /** JSON: the line's options (primaryOwner, lineType, lineWeight, hotline, label, …). */
    .addColumn('line', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_members_pk', ['device_id', 'port'])
    .execute();
  await db.schema.createIndex('device_members_member').on('device_members').columns(['org_id', 'member_id']).execute();
}
