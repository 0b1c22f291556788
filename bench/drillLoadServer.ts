/** The server side of the drill load benchmark, run as its own process (pinned to its own core): the
 *  real createServer with a five-crew kitchen, plus a minimal Colyseus room as the baseline. Reports
 *  its CPU time over IPC when asked; serves nothing else. */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Room, Server, type Client } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { schema, t, type SchemaType } from '@colyseus/schema';
import { TICK_MS, validateScenario } from '../engine/index';
import { DrillRoom } from '../server/rooms/DrillRoom';
import { loadScenarioCatalogue, ScenarioCatalogue } from '../server/scenarioCatalogue';
import { openPgliteRunStore } from '../server/store/PgliteRunStore';

const Player = schema({ x: t.uint16().default(0), y: t.uint16().default(0) }, 'BenchPlayer');
const MinimalState = schema({ tick: t.uint32().default(0), players: t.map(Player) }, 'BenchMinimalState');
type MinimalState = SchemaType<typeof MinimalState>;

/** The least a room can do with the same clients: one position each, a tick counter, same patch rate. */
class MinimalRoom extends Room<{ state: MinimalState }> {
  override patchRate = TICK_MS;
  override onCreate(): void {
    this.state = new MinimalState();
    this.onMessage('move', (client, m: { x?: unknown }) => {
      const p = this.state.players.get(client.sessionId);
      if (p && typeof m.x === 'number') p.x = m.x;
    });
    this.setSimulationInterval(() => (this.state.tick += 1), TICK_MS);
  }
  override onJoin(client: Client): void {
    this.state.players.set(client.sessionId, new Player());
  }
  override onLeave(client: Client): void {
    this.state.players.delete(client.sessionId);
  }
}

function fiveCrewKitchen(): ScenarioCatalogue {
  const base = loadScenarioCatalogue().get('apartment-kitchen-oil');
  const first = base?.crew[0];
  if (!base || !first) throw new Error('kitchen scenario missing');
  const crew = [1, 2, 3, 4, 5].map((n) => ({ ...first, id: `ff-${n}`, x: first.x + (n - 1) * 2, equipment: first.equipment.map((e) => ({ ...e, id: `${e.id}-${n}` })) }));
  // A long time limit so the drill outlasts the measurement.
  const result = validateScenario({ ...base, id: 'bench-five-crew', timeLimitS: 3600, crew });
  if (!result.ok) throw new Error('bench scenario invalid');
  return new ScenarioCatalogue([result.scenario]);
}

const store = await openPgliteRunStore();
await store.migrate();
// The same room definition as createServer's, beside the baseline room, on one port.
const http = createHttpServer();
const game = new Server({ transport: new WebSocketTransport({ server: http }), greet: false, gracefullyShutdown: false });
game.define('drill', DrillRoom, { catalogue: fiveCrewKitchen(), store, tickMs: TICK_MS });
game.define('minimal', MinimalRoom);
await game.listen(0, '127.0.0.1');
process.send?.({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
process.on('message', (m: unknown) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (m === 'stop') process.exit(0);
});
