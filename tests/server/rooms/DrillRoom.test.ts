/** DrillRoom over a real server and the real SDK: a drill from lobby to debrief with an instructor and
 *  three crew, injects that reach everyone, reconnection with role and state, and a late joiner
 *  taking a crew member over from the doctrine bot. */
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_OUT_OF_ROLE } from '../../../server/rooms/DrillRoom';
import { JOIN_CODE } from '../../../server/drills/joinCode';
import { ScenarioCatalogue } from '../../../server/scenarioCatalogue';
import { KITCHEN, startTestServer, type TestServer } from '../fixtures';
import { crewOf, joinDrill, leaveAll, openDrill, threeCrewKitchen, waitForState, type DrillClient } from './drillClients';

let server: TestServer;
let client: Client;
beforeAll(async () => {
  // 20 ms a tick: the incident runs ten times faster than life, so a drill fits in a test.
  server = await startTestServer({ catalogue: new ScenarioCatalogue([threeCrewKitchen()]), drillTickMs: 20 });
  client = new Client(server.url);
});
afterAll(async () => {
  await server?.stop();
});

async function lobbyOfFour(): Promise<{ instructor: Awaited<ReturnType<typeof openDrill>>; crew: Awaited<ReturnType<typeof joinDrill>>[] }> {
  const instructor = await openDrill(client, KITCHEN);
  const code = instructor.room.roomId;
  const crew = [await joinDrill(client, code, 'Lan'), await joinDrill(client, code, 'Minh'), await joinDrill(client, code, 'Tuấn')];
  await waitForState(instructor.room, (s) => s.participants.size === 4, 'four in the lobby');
  // Every crew member to a trainee, so no bot puts the fire out before the test is done.
  ['ff-1', 'ff-2', 'ff-3'].forEach((crewId, i) => instructor.room.send('assignRole', { participantId: crew[i]?.room.sessionId, crewId }));
  await Promise.all(crew.map((c, i) => waitForState(c.room, () => crewOf(c.room) === `ff-${i + 1}`, `seat ff-${i + 1}`)));
  return { instructor, crew };
}

describe('DrillRoom', () => {
  it('runs a drill from lobby to debrief with an instructor and three crew, and stores one scored record', async () => {
    const { instructor, crew } = await lobbyOfFour();
    const rooms: DrillClient[] = [instructor.room, ...crew.map((c) => c.room)];
    try {
      expect(instructor.room.roomId).toMatch(JOIN_CODE);
      expect(instructor.room.state.code).toBe(instructor.room.roomId);
      expect(instructor.room.state.status).toBe('lobby');
      const names: string[] = [];
      instructor.room.state.participants.forEach((p) => names.push(p.name));
      expect(names.sort()).toEqual(['Instructor', 'Lan', 'Minh', 'Tuấn']);

      expect(instructor.room.state.crew.get('ff-3')?.role).toBe('search');

      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.status === 'running' && s.tick > 2, 'the drill to run');

      // Each crew member steps west; nobody else's member moves for them.
      const start = crew.map((c) => ({ ...(c.room.state.crew.get(crewOf(c.room)) ?? { x: 0, y: 0 }) }));
      crew.forEach((c, i) => c.room.send('intent', { type: 'moveTo', crewId: crewOf(c.room), x: (start[i]?.x ?? 0) - 2, y: start[i]?.y ?? 0 }));
      await Promise.all(crew.map((c, i) => waitForState(c.room, (s) => s.crew.get(`ff-${i + 1}`)?.x === (start[i]?.x ?? 0) - 2, `ff-${i + 1} to move`)));

      instructor.room.send('pause');
      const paused = await waitForState(instructor.room, (s) => s.status === 'paused', 'pause');
      const frozenAt = paused.tick;
      const ignoredAt = paused.ignoredIntents;
      // The room's clock keeps firing while paused: an order given now is refused, and its count reaches
      // the instructor only with the next tick's patch. Two such ticks, and the run has not moved.
      const [first] = crew;
      if (!first) throw new Error('no crew');
      for (let k = 1; k <= 2; k++) {
        first.room.send('intent', { type: 'moveTo', crewId: crewOf(first.room), x: start[0]?.x ?? 0, y: start[0]?.y ?? 0 });
        await waitForState(instructor.room, (s) => s.ignoredIntents === ignoredAt + k, `paused tick ${k}`);
        expect(instructor.room.state.tick).toBe(frozenAt);
      }
      instructor.room.send('resume');
      await waitForState(instructor.room, (s) => s.tick > frozenAt + 2, 'resume');

      instructor.room.send('end');
      const debriefs = await Promise.all([instructor, ...crew].map((c) => c.inbox.nextDebrief()));
      for (const d of debriefs) expect(d.runId).toBe(debriefs[0]?.runId);
      const debrief = debriefs[0];
      expect(debrief).toMatchObject({ stored: true, status: 'verified' });
      expect(debrief?.team).not.toBeNull();
      for (const c of crew) expect(typeof debrief?.scores[c.room.sessionId]?.percent).toBe('number');

      const stored = await server.store.getRun(debrief?.runId ?? '');
      expect(stored).toMatchObject({ status: 'verified', hashMatches: true, scenarioId: KITCHEN });
      expect(stored?.record.intents.at(-1)?.intent).toEqual({ type: 'endRun' });
      const participants = stored?.drill?.participants ?? [];
      expect(participants.filter((p) => !p.instructor).map((p) => ({ name: p.name, crewIds: p.crewIds, roles: p.roles }))).toEqual([
        { name: 'Lan', crewIds: ['ff-1'], roles: ['nozzle'] },
        { name: 'Minh', crewIds: ['ff-2'], roles: ['nozzle'] },
        { name: 'Tuấn', crewIds: ['ff-3'], roles: ['search'] },
      ]);
      expect(Object.keys(stored?.drill?.scores ?? {}).sort()).toEqual(crew.map((c) => c.room.sessionId).sort());
      expect(stored?.drill?.team?.percent).toBe(stored?.percent);
      // The drill's attempt becomes xAPI statements, with the crew as context.team.
      const statements = await (server.store).xapi.query({ registration: debrief?.runId ?? '', limit: 10, ascending: true });
      expect(statements.map((st) => (st.statement.verb as { id: string }).id.split('/').pop())).toEqual(expect.arrayContaining(['initialized', 'completed']));
      expect(statements.every((st) => ((st.statement.context as { team?: { member?: unknown[] } }).team?.member?.length ?? 0) > 0)).toBe(true);
      // Heat and smoke arrived as a keyframe on joining and deltas after.
      expect(crew[0]?.inbox.frames[0]?.keyframe).toBe(true);
      expect(crew[0]?.inbox.frames.some((f) => !f.keyframe && f.cells.length > 0)).toBe(true);
    } finally {
      await leaveAll(rooms);
    }
  });

  it('delivers injects to everyone: a new fire, a scenario radio line and a free-form message', async () => {
    const { instructor, crew } = await lobbyOfFour();
    const rooms = [instructor.room, ...crew.map((c) => c.room)];
    try {
      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.status === 'running', 'start');
      const ids: string[] = [];
      instructor.room.state.injects.forEach((i) => ids.push(i.id));
      expect(ids).toContain('ignite-kitchen-cabinet');
      expect(ids).toContain('radio-1');
      instructor.room.send('inject', { kind: 'scenario', id: 'ignite-kitchen-cabinet' });
      instructor.room.send('inject', { kind: 'freeRadio', text: 'Nạn nhân thứ hai ở ban công' });
      // The radio reaches everyone; the new fire reaches the instructor, and crews only once they see it.
      await Promise.all(
        rooms.map((r) =>
          waitForState(r, (s) => {
            let heard = false;
            s.radio.forEach((line) => (heard ||= line.textEn === 'Nạn nhân thứ hai ở ban công' && line.fromEn === 'Instructor'));
            return heard && (r !== instructor.room || s.items?.get('kitchen-cabinet')?.burning === true);
          }, 'the injects'),
        ),
      );
      // Every line names its speaker in both languages; the scenario's own dispatch call is marked as the
      // script's, the instructor's message is not.
      const lines: { fromVi: string; fromEn: string; scripted: boolean }[] = [];
      instructor.room.state.radio.forEach((l) => lines.push({ fromVi: l.fromVi, fromEn: l.fromEn, scripted: l.scripted }));
      expect(lines).toContainEqual({ fromVi: 'Trung tâm 114', fromEn: '114 control', scripted: true });
      expect(lines).toContainEqual({ fromVi: 'Giáo viên hướng dẫn', fromEn: 'Instructor', scripted: false });
      // The second crew member answers the injects: the debrief measures how long that took.
      const answering = crew[1]?.room;
      const answerer = answering ? crewOf(answering) : '';
      const before = instructor.room.state.crew.get(answerer)?.x;
      answering?.send('intent', { type: 'step', crewId: answerer, dir: 'W' });
      await waitForState(instructor.room, (s) => s.crew.get(answerer)?.x !== before, 'the answering step');
      // A crew member cannot inject.
      const left = new Promise<{ code: number; reason?: string }>((resolve) => crew[0]?.room.onLeave((code, reason) => resolve({ code, ...(reason ? { reason } : {}) })));
      for (let k = 0; k < 3; k++) crew[0]?.room.send('inject', { kind: 'freeRadio', text: 'fake' });
      const closed = await left;
      expect(closed.code).toBe(CLOSE_OUT_OF_ROLE);
      expect(closed.reason).toMatch(/instructor/);

      instructor.room.send('end');
      const d = await instructor.inbox.nextDebrief();
      const stored = await server.store.getRun(d.runId);
      // The stored record replays with the injects: the same final state as the live drill.
      expect(stored).toMatchObject({ status: 'verified', hashMatches: true });
      expect(stored?.drill?.injects.map((i) => i.inject.kind)).toEqual(['ignite', 'radio']);
      // The run record itself carries them as engine inject actions: it replays like a solo run.
      expect(stored?.record.injects?.map((i) => i.action.type)).toEqual(['igniteItem', 'radio']);
      expect(stored?.record.injects?.map((i) => i.tick)).toEqual(stored?.drill?.injects.map((i) => i.tick));
      // Each inject has a measured response time, also sent to everyone in the debrief.
      expect(stored?.drill?.injectResponses?.map((r) => r.kind)).toEqual(['ignite', 'radio']);
      expect(stored?.drill?.injectResponses?.every((r) => r.responseS !== null && r.responseS >= 0)).toBe(true);
      expect(d.injectResponses).toEqual(stored?.drill?.injectResponses);
    } finally {
      await leaveAll(rooms);
    }
  });

  it('lets a dropped trainee reconnect within the window with the same role, the bot covering meanwhile', async () => {
    const { instructor, crew } = await lobbyOfFour();
    const rooms = [instructor.room, ...crew.map((c) => c.room)];
    try {
      const lan = crew[0];
      if (!lan) throw new Error('no crew');
      // Swapping seats in the lobby: Minh's ff-2 goes to Lan, whose ff-1 goes back to the bot.
      instructor.room.send('assignRole', { participantId: lan.room.sessionId, crewId: 'ff-2' });
      await waitForState(lan.room, (s) => crewOf(lan.room) === 'ff-2' && s.participants.get(crew[1]?.room.sessionId ?? '')?.crewId === '', 'seat');
      instructor.room.send('assignRole', { participantId: crew[1]?.room.sessionId, crewId: 'ff-1' });
      await waitForState(lan.room, (s) => s.crew.get('ff-1')?.occupant === crew[1]?.room.sessionId, 'ff-1 to Minh');
      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.tick > 3, 'start');

      lan.room.reconnection.enabled = false;
      const token = lan.room.reconnectionToken;
      lan.room.connection.close(4001, 'network lost');
      await waitForState(instructor.room, (s) => s.participants.get(lan.room.sessionId)?.connected === false && s.crew.get('ff-2')?.bot === true, 'the bot to take ff-2');
      const tickAtDrop = instructor.room.state.tick;
      await waitForState(instructor.room, (s) => s.tick > tickAtDrop + 5, 'the drill to go on');

      const back = await client.reconnect<typeof lan.room.state>(token);
      rooms.push(back);
      await waitForState(back, (s) => s.participants.get(back.sessionId)?.connected === true && s.crew.get('ff-2')?.occupant === back.sessionId, 'ff-2 back');
      expect(back.sessionId).toBe(lan.room.sessionId);
      expect(back.state.tick).toBeGreaterThan(tickAtDrop);
      // Back to the street where ff-2 started (the bot has walked it towards the kitchen meanwhile).
      const me = back.state.crew.get('ff-2');
      const goal = me?.x === 16 && me.y === 13 ? { x: 17, y: 13 } : { x: 16, y: 13 };
      back.send('intent', { type: 'moveTo', crewId: 'ff-2', ...goal });
      await waitForState(back, (s) => s.crew.get('ff-2')?.x === goal.x && s.crew.get('ff-2')?.y === goal.y, 'ff-2 to obey its trainee again');
    } finally {
      await leaveAll(rooms);
    }
  });

  it('hands a bot-played crew member to a late joiner, and the bots finish the drill', async () => {
    const instructor = await openDrill(client, KITCHEN);
    const rooms: DrillClient[] = [instructor.room];
    try {
      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.tick > 3, 'a drill with bots only');
      const late = await joinDrill(client, instructor.room.roomId, 'Hùng', { crewId: 'ff-3' });
      rooms.push(late.room);
      await waitForState(late.room, (s) => s.crew.get('ff-3')?.occupant === late.room.sessionId && s.crew.get('ff-3')?.bot === false, 'ff-3 to be mine');
      expect(late.inbox.frames[0]?.keyframe).toBe(true);
      // ff-1 and ff-2 stay with the bot, which isolates the gas and puts the fire out.
      const d = await late.inbox.nextDebrief(20_000);
      await waitForState(late.room, (s) => s.endReason === 'complete', 'the fire out and the drill complete');
      const stored = await server.store.getRun(d.runId);
      expect(stored).toMatchObject({ status: 'verified', hashMatches: true });
      expect(stored?.drill?.botCrewIds.sort()).toEqual(['ff-1', 'ff-2', 'ff-3']);
      expect(stored?.drill?.participants.find((p) => p.name === 'Hùng')).toMatchObject({ crewIds: ['ff-3'], roles: ['search'] });
    } finally {
      await leaveAll(rooms);
    }
  });

  it('airs a seated trainee on the radio to everyone, and not a spectator', async () => {
    const { instructor, crew } = await lobbyOfFour();
    const watcher = await joinDrill(client, instructor.room.roomId, 'Mai');
    const rooms = [instructor.room, ...crew.map((c) => c.room), watcher.room];
    try {
      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.status === 'running', 'start');
      watcher.room.send('radio', { text: 'Tôi không có chiến sĩ' });
      crew[2]?.room.send('radio', { text: 'Tổ tìm kiếm đã vào tầng' });
      const heard = (s: Parameters<Parameters<typeof waitForState>[1]>[0]): string[] => {
        const lines: string[] = [];
        s.radio.forEach((l) => lines.push(`${l.fromEn}: ${l.textEn}`));
        return lines;
      };
      await Promise.all(rooms.map((r) => waitForState(r, (s) => heard(s).includes('Tuấn (ff-3): Tổ tìm kiếm đã vào tầng'), 'the search member on the radio')));
      expect(heard(instructor.room.state).some((l) => l.includes('Tôi không có chiến sĩ'))).toBe(false);
      expect(instructor.room.state.ignoredIntents).toBeGreaterThan(0);
    } finally {
      await leaveAll(rooms);
    }
  });

  it('will not create a drill for an unknown scenario or without an instructor key', async () => {
    await expect(client.create('drill', { scenarioId: 'no-such-scenario', instructorKey: 'k'.repeat(32) })).rejects.toThrow(/unknown scenario/);
    await expect(client.create('drill', { scenarioId: KITCHEN })).rejects.toThrow(/instructorKey/);
    await expect(client.joinOrCreate('drill', { scenarioId: KITCHEN })).rejects.toThrow();
  });
});
