// `pnpm spec:update`, one fixture per kind of upstream change: the old whole description is a stand-in for
// Cloudflare's (today's spec/upstream/ inside a document with other products' paths, components and fields, as
// openapi.yaml has them); each new one is that document with one kind of upstream change. Each asserts the
// classification, the bump and the overlay report, computed as the command computes them (extraction, overlays,
// generation, TypeScript check). Apart from spec-update.test.mjs so that the two run side by side: each fixture
// regenerates every package.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './codegen/spec.mjs';
import {
  allNeeded,
  body,
  find,
  MEETINGS,
  op,
  rename,
  schemas,
  update,
  wholeDescription,
} from './spec-update/fixture-description.mjs';
import { computeUpdate, describeReport } from './spec-update/update.mjs';

describe('pnpm spec:update, one fixture per kind of upstream change', () => {
  it('the same description: nothing to release, every overlay still needed', async () => {
    const { bump, changes, overlays, stopped } = await update(() => {});
    expect([bump, changes, stopped]).toEqual(['none', [], undefined]);
    expect(overlays.length).toBeGreaterThan(30);
    expect(allNeeded(overlays)).toBe(true);
  });

  it('a field added to a response: minor', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Meeting.properties.region = { type: 'string' };
    });
    expect(bump).toBe('minor');
    // the Stainless-prepared description inlines the meeting in get_meeting: the list still names the component
    expect(find(changes, { operationId: 'get_all_meetings', where: 'response 200', path: 'data[].region' })).toEqual([
      {
        operationId: 'get_all_meetings',
        where: 'response 200',
        path: 'data[].region',
        change: 'added',
        breaking: false,
      },
    ]);
    expect(changes.every((c) => !c.breaking)).toBe(true);
  });

  it('a required field added to a request body: major', async () => {
    const { bump, changes } = await update((w) => {
      body(w, 'realtimekit_AddParticipantBody').properties.email = { type: 'string' };
      body(w, 'realtimekit_AddParticipantBody').required.push('email');
    });
    expect(bump).toBe('major');
    expect(find(changes, { where: 'request body', path: 'email' })).toEqual([
      {
        operationId: 'add_participant',
        where: 'request body',
        path: 'email',
        change: 'added, required',
        breaking: true,
      },
    ]);
  });

  it('a field removed: major, wherever it was read', async () => {
    const { bump, changes } = await update((w) => {
      delete schemas(w).realtimekit_Participant.properties.picture;
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'get_meeting_participant', path: 'data.picture' })).toEqual([
      {
        operationId: 'get_meeting_participant',
        where: 'response 200',
        path: 'data.picture',
        change: 'removed',
        breaking: true,
      },
    ]);
  });

  it('a type changed: major', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Meeting.properties.session_keep_alive_time_in_secs = { type: 'string' };
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'get_all_meetings', path: 'data[].session_keep_alive_time_in_secs' })).toEqual([
      expect.objectContaining({ change: 'changed type: number → string', breaking: true }),
    ]);
  });

  it('an enum value removed from a request: listed as breaking; added to a request: minor', async () => {
    const removed = await update((w) => {
      body(w, 'realtimekit_UpdateMeetingBody').properties.status.enum = ['ACTIVE'];
    });
    // generation goes on (the contract cases take a value the new enum allows): the change is listed, a major
    expect(removed.stopped).toBeUndefined();
    expect(removed.bump).toBe('major');
    expect(find(removed.changes, { operationId: 'update_meeting', where: 'request body', path: 'status' })).toEqual([
      expect.objectContaining({ change: 'enum value "INACTIVE" removed', breaking: true }),
    ]);
    const added = await update((w) => {
      const status = op(w, 'get_all_meetings').parameters.find((p) => p.name === 'status');
      status.schema.enum.push('ENDED');
    });
    expect(added.bump).toBe('minor');
    expect(added.changes).toEqual([
      {
        operationId: 'get_all_meetings',
        where: 'query',
        path: 'status',
        change: 'enum value "ENDED" added',
        breaking: false,
      },
    ]);
  });

  it('an enum value added to a response: major (a reader meets a value it does not know)', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Meeting.properties.status.enum.push('ENDED');
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'get_all_meetings', path: 'data[].status' })).toEqual([
      expect.objectContaining({ change: 'enum value "ENDED" added', breaking: true }),
    ]);
    expect(find(changes, { where: 'TypeScript', path: 'Meeting' })).toHaveLength(1);
  });

  it('a response field narrowed to an enum: the spec diff says minor, the compiler says major', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Participant.properties.preset_name.enum = ['group_call_host', 'group_call_participant'];
    });
    expect(find(changes, { operationId: 'get_meeting_participant', path: 'data.preset_name' })).toEqual([
      expect.objectContaining({ change: 'now one of "group_call_host", "group_call_participant"', breaking: false }),
    ]);
    const compiler = find(changes, { where: 'TypeScript', path: 'Participant' });
    expect(compiler).toEqual([expect.objectContaining({ breaking: true })]);
    expect(compiler[0].change).toMatch(/^consumers may no longer compile: /);
    expect(bump).toBe('major');
  });

  it('a response field no longer required: major', async () => {
    const { bump, changes } = await update((w) => {
      schemas(w).realtimekit_Participant.required = schemas(w).realtimekit_Participant.required.filter(
        (n) => n !== 'preset_name',
      );
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'get_meeting_participant', path: 'data.preset_name' })).toEqual([
      expect.objectContaining({ change: 'no longer required', breaking: true }),
    ]);
  });

  it('a maxLength tightened on a request: major', async () => {
    const { bump, changes } = await update((w) => {
      body(w, 'realtimekit_CreateMeetingBody').properties.title.maxLength = 100;
    });
    expect(bump).toBe('major');
    expect(find(changes, { operationId: 'create_meeting', where: 'request body', path: 'title' })).toEqual([
      expect.objectContaining({ change: 'maxLength none → 100', breaking: true }),
    ]);
  });

  it('a query parameter renamed: the old name removed (major), the new one added', async () => {
    const { bump, changes } = await update((w) => {
      const list = op(w, 'get_all_meetings');
      list.parameters = list.parameters.map((p) =>
        p.$ref?.endsWith('realtimekit_search') ? { name: 'q', in: 'query', schema: { type: 'string' } } : p,
      );
    });
    expect(bump).toBe('major');
    expect(changes.filter((c) => c.where === 'query')).toEqual([
      { operationId: 'get_all_meetings', where: 'query', path: 'search', change: 'removed', breaking: true },
      { operationId: 'get_all_meetings', where: 'query', path: 'q', change: 'added', breaking: false },
    ]);
  });

  it('an operation added: listed as added, and it stops (release unknown) until spec/sdk.yaml names it', async () => {
    const { bump, changes, stopped } = await update((w) => {
      w.paths[`${MEETINGS}/{meeting_id}/recordings`] = {
        get: {
          operationId: 'get_meeting_recordings',
          parameters: ['account_id', 'app_id', 'meeting_id'].map((name) => ({
            name,
            in: 'path',
            required: true,
            schema: { type: 'string' },
          })),
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
          tags: ['Meetings'],
        },
      };
    });
    expect(bump).toBe('unknown');
    expect(changes).toEqual([
      expect.objectContaining({
        operationId: 'get_meeting_recordings',
        where: 'operation',
        change: 'added',
        breaking: false,
      }),
    ]);
    expect(stopped).toContain('operations.get_meeting_recordings is missing');
  });

  it('an operation removed: listed as breaking, and it stops (release unknown) until spec/sdk.yaml lets it go', async () => {
    const { bump, changes, stopped } = await update((w) => {
      delete w.paths[`${MEETINGS}/{meeting_id}/participants/{participant_id}`].put;
    });
    expect(bump).toBe('unknown');
    expect(changes).toEqual([
      expect.objectContaining({
        operationId: 'replace_participant',
        where: 'operation',
        change: 'removed',
        breaking: true,
      }),
    ]);
    expect(stopped).toContain('operations.replace_participant: the spec has no such operation');
  });

  it('an upstream fix that makes one of our overlays redundant: reported, and nothing changes for users', async () => {
    const { bump, changes, overlays } = await update((w) => {
      schemas(w).realtimekit_app_id.maxLength = 36;
    });
    expect([bump, changes]).toEqual(['none', []]);
    expect(overlays.filter((o) => o.status !== 'needed')).toEqual([
      {
        action: 'realtimekit-fixes.overlay.yaml action 1 ($.components.schemas.realtimekit_app_id)',
        status: 'redundant',
      },
    ]);
  });

  it('overlay targets the new description lacks, whose fixes hold without them: absent, reported, not fatal, dropped from their file', async () => {
    const whole = wholeDescription();
    // upstream drops the requirement action 4 removes
    delete body(whole, 'realtimekit_KickParticipantsBody').required;
    const {
      report: { bump, changes, overlays },
      stopped,
      writes,
    } = await computeUpdate({ whole, source: 'fixture.json', root });
    expect(stopped).toBeUndefined();
    expect(overlays.filter((o) => o.status !== 'needed')).toEqual([
      {
        action: expect.stringMatching(
          /^realtimekit-fixes\.overlay\.yaml action 4 \(\$\.components\.requestBodies\.realtimekit_KickParticipantsBody/,
        ),
        status: 'absent',
      },
    ]);
    // compared: what the action did, upstream now does itself, so the effective spec is the same
    expect([bump, changes]).toEqual(['none', []]);
    const text = describeReport({ bump, changes, overlays });
    expect(text).toContain('action 4');
    expect(text).toContain('absent, its target is not in the new description and what it fixed holds without it');
    const fixes = writes.get(path.join(root, 'spec/overlays/realtimekit-fixes.overlay.yaml')) ?? '';
    expect(fixes).not.toContain('realtimekit_KickParticipantsBody');
    expect(fixes).toContain('target: $.components.schemas.realtimekit_app_id\n'); // the others stay
  });

  it('an overlay target renamed away while the defect stays (app_id maxLength 32 under a new name): stops, naming where the fix lapsed', async () => {
    const { bump, changes, overlays, stopped } = await update((w) => rename(w, 'schemas', 'realtimekit_app_id'));
    const broken = overlays.filter((o) => o.status === 'broken');
    expect(broken).toEqual([
      {
        // our provenance note on the schema: no effect on a type, and the node it annotates is there under the new name
        action: 'annotations.overlay.yaml action 28 ($.components.schemas.realtimekit_app_id)',
        status: 'broken',
        why: 'its target matches nothing in the new description, and what it fixed is still wrong in it: the node it corrected is there at another place',
      },
      {
        action: 'realtimekit-fixes.overlay.yaml action 1 ($.components.schemas.realtimekit_app_id)',
        status: 'broken',
        why: 'its target matches nothing in the new description, and what it fixed no longer holds there: `get-org-analytics` path `app_id`: maxLength 36 → 32, `get-livestream-analytics-daywise` path `app_id`: maxLength 36 → 32, `get-livestream-analytics-complete` path `app_id`: maxLength 36 → 32 and 56 more',
      },
    ]);
    expect(stopped).toContain('nothing was changed');
    // nothing was compared, so nothing may be promised: not "none", not "Nothing changes for users"
    expect(bump).toBe('unknown');
    expect(changes).toEqual([]);
    expect(describeReport({ bump, changes, overlays })).toContain('Not compared');
    expect(describeReport({ bump, changes, overlays })).not.toContain('Nothing changes');
  });

  it('a fix whose target was renamed away with its defect (PeerReportEvent, nullable without a type): stops', async () => {
    const { bump, overlays, stopped } = await update((w) => rename(w, 'schemas', 'realtimekit_PeerReportEvent'));
    // the second action's type-bearing branch is still untyped-nullable at the new name: it lapsed, and the run stops
    const broken = overlays.filter((o) => o.status === 'broken');
    expect(broken.map((o) => o.action)).toEqual([
      expect.stringMatching(
        /^realtimekit-fixes\.overlay\.yaml action \d+ \(\$\.components\.schemas\.realtimekit_PeerReportEvent\.properties\.metadata\.additionalProperties\.anyOf\[0\]\)$/,
      ),
    ]);
    expect([bump, stopped]).toEqual(['unknown', expect.stringContaining('nothing was changed')]);
  });

  it('a change outside the RealtimeKit paths: reports nothing', async () => {
    const { bump, changes, overlays } = await update((w) => {
      schemas(w).apps_App.properties.name = { type: 'string' };
      w.paths['/zones/{zone_id}'].get.summary = 'Zone details';
    });
    expect([bump, changes, allNeeded(overlays)]).toEqual(['none', [], true]);
  });

  it('a description-only change: no change to list, a patch for the generated docs', async () => {
    const { bump, changes } = await update((w) => {
      op(w, 'get_meeting').description = 'Returns a meeting, by its ID.';
    });
    expect([bump, changes]).toEqual(['patch', []]);
  });
});
