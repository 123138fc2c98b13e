import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  actionKey,
  actionOptions,
  actorKind,
  auditActions,
  auditEntityTypes,
  SYSTEM_ACTOR_ID,
} from '../../src/web/modules/admin/auditLabels.ts';

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
      const missing = auditActions.filter((code) => typeof lookup(actionKey(code)!) !== 'string');
      expect(missing).toEqual([]);
    });

    it(`offers a choice in the filter for every action with a text in ${lang}`, () => {
      const locale = JSON.parse(readFileSync(`src/web/locales/${lang}.json`, 'utf8')) as {
        admin: { audit: { actions: Record<string, Record<string, string>> } };
      };
      const texts = Object.entries(locale.admin.audit.actions).flatMap(([entity, actions]) =>
        Object.keys(actions).map((action) => `${entity}.${action}`),
      );
      expect([...auditActions].sort()).toEqual(texts.sort());
    });
  }
});

describe('the choices of the action filter', () => {
  const texts: Record<string, string> = {
    'user.created': 'Utente creato',
    'session.login': 'Accesso',
    'zone.deleted': 'Zona eliminata',
  };
  const textOf = (code: string) => texts[code] ?? code;

  it('are every known action, in the order of their texts', () => {
    const options = actionOptions(textOf, '', 'it');
    expect(options).toHaveLength(auditActions.length);
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'it')));
    expect(labels.indexOf('Accesso')).toBeLessThan(labels.indexOf('Utente creato'));
    expect(options).toContainEqual({ value: 'session.login', label: 'Accesso' });
  });

  it('keep an action the list does not know, chosen from an older address, as it is written', () => {
    const options = actionOptions(textOf, 'import.legacy', 'it');
    expect(options).toContainEqual({ value: 'import.legacy', label: 'import.legacy' });
    expect(actionOptions(textOf, 'user.created', 'it')).toHaveLength(auditActions.length);
  });
});

describe('the kinds of element an audit entry is about', () => {
  // Every entity type the server writes, read from its sources: one without a text showed its
  // bare code ("pnrr_taxonomy") in the activity log, and the filter offered one nothing writes.
  const written = [
    ...new Set(
      execFileSync('grep', ['-rhoE', "entityType: '[a-z_]+'", 'src/modules', 'src/cli'], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .map((line) => line.replace(/^entityType: '|'$/g, '')),
    ),
  ].sort();

  it('are offered by the filter exactly as the server writes them', () => {
    expect(written.length).toBeGreaterThan(5);
    expect([...auditEntityTypes].sort()).toEqual(written);
  });

  for (const lang of ['it', 'en']) {
    it(`have a text in ${lang} each`, () => {
      const locale = JSON.parse(readFileSync(`src/web/locales/${lang}.json`, 'utf8')) as {
        entityTypes: Record<string, unknown>;
      };
      const missing = written.filter((type) => typeof locale.entityTypes[type] !== 'string');
      expect(missing).toEqual([]);
    });
  }
});
