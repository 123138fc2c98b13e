import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionKey, actorKind, SYSTEM_ACTOR_ID } from '../../src/web/modules/admin/auditLabels.ts';

describe('who an audit entry names', () => {
  it('is the system for the command line and the first start', () => {
    expect(actorKind({ actorId: SYSTEM_ACTOR_ID, actorLabel: 'metroplan CLI <system>' })).toBe(
      'system',
    );
  });

  it('is an anonymous visitor for a request without a signed-in user', () => {
    expect(actorKind({ actorId: null, actorLabel: 'anonymous' })).toBe('anonymous');
  });

  it('is the person who was signed in', () => {
    expect(actorKind({ actorId: 'b1c2', actorLabel: 'Mario Rossi <m.rossi@comune.it>' })).toBe(
      'person',
    );
  });
});

describe('the label of an audit action', () => {
  it('is looked up under the nested code', () => {
    expect(actionKey('plan_version.adopted')).toBe('admin.audit.actions.plan_version.adopted');
  });

  it('has no key for what is not a code, which is then shown as it is', () => {
    expect(actionKey('project')).toBeNull();
    expect(actionKey('Project.Updated')).toBeNull();
  });

  // Every action the server writes today: a new one without a text would show its bare code.
  const written = [
    'act.document_attached',
    'act.recorded',
    'comune.updated',
    'comune.zone_changed',
    'metro.setup',
    'org_unit.archived',
    'org_unit.created',
    'org_unit.restored',
    'org_unit.updated',
    'plan.created',
    'plan.examples_removed',
    'plan.seeded',
    'plan_item.created',
    'plan_item.deleted',
    'plan_item.moved',
    'plan_item.updated',
    'plan_version.adopted',
    'plan_version.consultation',
    'plan_version.draft',
    'plan_version.superseded',
    'plan_version.update_started',
    'pnrr.release_imported',
    'pnrr.taxonomy_loaded',
    'project.created',
    'project.updated',
    'project_link.accepted',
    'project_link.rejected',
    'project_links.suggested',
    'session.failed',
    'session.login',
    'session.logout',
    'user.created',
    'user.locked',
    'user.password_changed',
    'user.password_reset',
    'user.updated',
    'zone.created',
    'zone.deleted',
    'zone.updated',
  ];
  for (const lang of ['it', 'en']) {
    it(`has a text in ${lang} for every action the server writes`, () => {
      const locale = JSON.parse(readFileSync(`src/web/locales/${lang}.json`, 'utf8')) as Record<
        string,
        unknown
      >;
      const lookup = (key: string) =>
        key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], locale);
      const missing = written.filter((code) => typeof lookup(actionKey(code)!) !== 'string');
      expect(missing).toEqual([]);
    });
  }
});

describe('the label of the kind of element an audit entry is about', () => {
  // Every entity type the server writes today: one without a text showed its bare code
  // ("pnrr_taxonomy") in the activity log.
  const written = [
    'act',
    'comune',
    'import_release',
    'metro',
    'org_unit',
    'plan',
    'plan_item',
    'plan_version',
    'pnrr_taxonomy',
    'project',
    'user',
    'zone',
  ];
  for (const lang of ['it', 'en']) {
    it(`has a text in ${lang} for every kind the server writes`, () => {
      const locale = JSON.parse(readFileSync(`src/web/locales/${lang}.json`, 'utf8')) as {
        entityTypes: Record<string, unknown>;
      };
      const missing = written.filter((type) => typeof locale.entityTypes[type] !== 'string');
      expect(missing).toEqual([]);
    });
  }
});
