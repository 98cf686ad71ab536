// The baseline for the API-read benchmark: a minimal Fastify + pg process running the
// same SQL as GET /api/v1/workspaces/:workspace/members (count, page, teams), with no
// authentication, tenancy or schemas. Usage: node baseline-server.mjs DATABASE_URL PORT WORKSPACE_ID
import Fastify from 'fastify';
import pg from 'pg';

const [url, port, workspaceId] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify();

app.get('/members', async () => {
  const total = await pool.query(
    `select count(*)::int as total from memberships m join users u on u.id = m.user_id where m.workspace_id = $1`,
    [workspaceId],
  );
  const rows = await pool.query(
    `select u.id as "userId", u.email, u.name, m.role, m.active, m.created_at as "joinedAt"
       from memberships m join users u on u.id = m.user_id
      where m.workspace_id = $1 order by u.name, u.id limit 101`,
    [workspaceId],
  );
  const ids = rows.rows.map((r) => r.userId);
  const teams = await pool.query(
    `select tm.user_id as "userId", t.id, t.name from team_members tm
       join teams t on t.workspace_id = tm.workspace_id and t.id = tm.team_id
      where tm.workspace_id = $1 and tm.user_id = any($2) order by t.name`,
    [workspaceId, ids],
  );
  return {
    total: total.rows[0].total,
    nextCursor: null,
    items: rows.rows.slice(0, 100).map((r) => ({ ...r, teams: teams.rows.filter((t) => t.userId === r.userId) })),
  };
});

await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
